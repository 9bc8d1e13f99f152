/**
 * The header's menu is a <details>, so it opens with no script at all. Where script runs, it also
 * closes the way a menu is expected to: Escape (focus back on "Menu"), a tap outside it, or a link
 * in it followed (a link to a part of this page would otherwise open under the menu). Kept tiny:
 * it is loaded by every page.
 */
const menu = document.querySelector<HTMLDetailsElement>('[data-site-menu]');

if (menu) {
  menu.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && menu.open) {
      menu.open = false;
      menu.querySelector('summary')?.focus();
    }
  });
  document.addEventListener('click', (event) => {
    const target = event.target as Element;
    if (!menu.contains(target) || target.closest('a')) menu.open = false;
  });
}
