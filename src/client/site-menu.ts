/**
 * The header's menu is a <details>, so it opens with no script at all. Where script runs, it also
 * closes the way a menu is expected to: Escape (focus back on "Menu"), a tap outside it, or a link
 * in it followed (a link to a part of this page would otherwise open under the menu).
 */
const menu = document.querySelector<HTMLDetailsElement>('[data-site-menu]');
const summary = menu?.querySelector('summary');

if (menu && summary) {
  menu.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || !menu.open) return;
    menu.open = false;
    summary.focus();
  });
  menu.addEventListener('click', (event) => {
    if ((event.target as Element).closest('a')) menu.open = false;
  });
  document.addEventListener('click', (event) => {
    if (menu.open && !menu.contains(event.target as Node)) menu.open = false;
  });
}
