/**
 * The header's session controls, in plain script: the Together mode switch (worker notes shown,
 * everything larger for a shared screen, an offer to choose what to look at today) and, in a guest
 * session, a way to end it.
 */
import { together as togetherOn } from 'virtual:waymark/features';
import { todayKey, togetherKey } from '../device/keys';
// Bundled on its own as a plain script (a "worker" build only gives it one file and a URL): a
// guest's tab loads it, and no one else's pays for it, nor for the preloading code a dynamic import brings.
import guestControls from './guest-controls.ts?worker&url';

const root = document.documentElement;
const together = togetherOn ? document.querySelector<HTMLButtonElement>('[data-together-switch]') : null;

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
    // Switching off ends the session together: today's choice goes with it (the tablet may be shared).
    if (!on) today(false);
    show();
  });
  // "Not now" on the offer line: nothing chosen (`on` alone), and no more offers in this tab.
  document.querySelector('[data-today-not-now]')?.addEventListener('click', () => today(true));
}

/** Whether the person has chosen (or skipped) what to look at today: CSS shows the offer until then. */
function today(chosen: boolean): void {
  remember(todayKey, chosen);
  if (chosen) root.dataset.today = 'on';
  else delete root.dataset.today;
}

// Only a guest's tab loads the guest session's code (prefs.js marks it before the first paint).
if (root.dataset.guest === 'on') document.head.append(Object.assign(document.createElement('script'), { src: guestControls }));
