/**
 * The header's session controls, in plain script: the Together mode switch (worker notes shown,
 * everything larger for a shared screen) and, in a guest session, a way to end it.
 */
import { together as togetherOn } from 'virtual:waymark/features';
import { mediaCacheName, togetherKey } from '../device/keys';

const root = document.documentElement;
const together = togetherOn ? document.querySelector<HTMLButtonElement>('[data-together-switch]') : null;
const endGuest = document.querySelector<HTMLButtonElement>('[data-end-guest]');

function remember(key: string, on: boolean): void {
  try {
    if (on) sessionStorage.setItem(key, 'on');
    else sessionStorage.removeItem(key);
  } catch {
    // Storage blocked: the switch still works on this page.
  }
}

// With Together mode switched off in site.yaml, `togetherOn` is false and this code is dropped.
if (together) {
  const show = () => together.setAttribute('aria-pressed', String(root.dataset.together === 'on'));
  show();
  together.addEventListener('click', () => {
    const on = root.dataset.together !== 'on';
    if (on) root.dataset.together = 'on';
    else delete root.dataset.together;
    remember(togetherKey, on);
    show();
  });
}

endGuest?.addEventListener('click', async () => {
  // A guest session keeps everything in sessionStorage: ending it removes every trace, including
  // any story kept for offline listening meanwhile.
  try {
    sessionStorage.clear();
    await caches.delete(mediaCacheName);
  } catch {
    // Nothing could have been kept.
  }
  location.assign(endGuest.dataset.home ?? '/');
});
