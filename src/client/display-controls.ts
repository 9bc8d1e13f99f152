/**
 * "Text and colours" in the header: text size, light / dark / the device's setting, high contrast
 * and less movement. Each choice goes on <html> as a data attribute (the CSS does the rest) and is
 * kept on this device; `prefs.js` puts it back before the next page paints.
 */
import { displayKey } from '../device/keys';

const settings = ['textSize', 'theme', 'contrast', 'motion'] as const;
const root = document.documentElement;
const form = document.querySelector<HTMLFormElement>('[data-display-controls]');

function storage(): Storage {
  return root.dataset.guest === 'on' ? sessionStorage : localStorage;
}

/** What the device itself asks for, shown as the starting point of the two boxes. */
const deviceDefault: Record<string, string> = {
  contrast: matchMedia('(prefers-contrast: more)').matches ? 'more' : 'normal',
  motion: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'reduce' : 'normal',
};

if (form) {
  for (const name of settings) {
    const value = root.dataset[name] ?? deviceDefault[name];
    for (const input of form.querySelectorAll<HTMLInputElement>(`[name="${name}"]`)) {
      input.checked = value ? input.value === value : input.defaultChecked;
    }
  }
  form.addEventListener('change', () => {
    const chosen: Record<string, string> = {};
    for (const name of settings) {
      const input = form.querySelector<HTMLInputElement>(`[name="${name}"]:checked`);
      // An unticked box is a "no" that overrules the device's own setting, as the box showed it.
      chosen[name] = root.dataset[name] = input?.value ?? 'normal';
    }
    try {
      storage().setItem(displayKey, JSON.stringify(chosen));
    } catch {
      // Storage blocked: the choice still applies to this page.
    }
  });
}
