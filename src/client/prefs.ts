/**
 * `prefs.js`, the one script that runs before the first paint (a plain, blocking file, so a strict
 * Content-Security-Policy needs no inline script): it puts the person's choices on <html> so the
 * page never flashes. Written for each build with only the switched-on features' lines in it.
 * Together mode and guest sessions live in sessionStorage: they end when the tab closes. Text
 * size, colours, contrast and movement are kept in localStorage, or only for the tab as a guest.
 */
import type { Features } from '../contract/site-schema.ts';
import { displayKey, guestKey, togetherKey } from '../device/keys.ts';

export function prefsScript(features: Features): string {
  const lines = [
    '(function () {',
    '  var root = document.documentElement;',
    "  root.dataset.js = 'on'; // controls that need script show from the first paint, so nothing shifts",
    features.listen && "  if ('speechSynthesis' in window) root.dataset.speech = 'on';",
    '  try {',
    features.together && `    if (sessionStorage.getItem('${togetherKey}') === 'on') root.dataset.together = 'on';`,
    `    var guest = sessionStorage.getItem('${guestKey}') === 'on';`,
    "    if (guest) root.dataset.guest = 'on';",
    `    var display = JSON.parse((guest ? sessionStorage : localStorage).getItem('${displayKey}') || '{}');`,
    '    for (var name in display) if (/^(textSize|theme|contrast|motion)$/.test(name)) root.dataset[name] = String(display[name]);',
    '  } catch (e) {',
    '    /* Storage blocked or unreadable: the defaults are safe. */',
    '  }',
    '})();',
  ];
  return `${lines.filter((line) => typeof line === 'string').join('\n')}\n`;
}
