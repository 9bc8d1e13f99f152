/**
 * `prefs.js`, the one script that runs before the first paint (a plain, blocking file, so a strict
 * Content-Security-Policy needs no inline script): it puts the person's choices on <html> so the
 * page never flashes. Written for each build with only the switched-on features' lines in it.
 * Together mode and guest sessions live in sessionStorage: they end when the tab closes. Text
 * size, colours, contrast and movement are kept in localStorage, or only for the tab as a guest.
 * A tab opened from a guest tab (Ctrl+click) starts with no sessionStorage: while a guest tab's
 * heartbeat is fresh it joins that session here, before any store opens (see src/device/guest.ts).
 * A tab that has shown a Waymark page before (marked here) never joins: the owner's own tab stays
 * the owner's when it reloads or moves to another page.
 */
import type { Features } from '../contract/site-schema.ts';
import { guestOpenFreshFor } from '../device/guest.ts';
import { displayKey, guestKey, guestOpenKey, tabSeenKey, todayKey, togetherKey } from '../device/keys.ts';

export function prefsScript(features: Features): string {
  const lines = [
    '(function () {',
    '  var root = document.documentElement;',
    // Controls that need script show from the first paint, so nothing shifts. (Comments stay
    // here, not in the script: it is loaded by every page.)
    "  root.dataset.js = 'on';",
    features.listen && "  if ('speechSynthesis' in window) root.dataset.speech = 'on';",
    '  try {',
    features.together && `    if (sessionStorage.getItem('${togetherKey}') === 'on') root.dataset.together = 'on';`,
    // Today's choice made (or skipped): Together mode's offer to choose stays hidden (src/styles/today.css).
    features.together && `    if (sessionStorage.getItem('${todayKey}') !== null) root.dataset.today = 'on';`,
    // A tab opened from a guest tab joins its session while the heartbeat is fresh (src/device/guest.ts).
    `    var guest = sessionStorage.getItem('${guestKey}');`,
    // Only a brand-new tab joins: one that already showed a Waymark page is someone's own.
    `    var open = !guest && !sessionStorage.getItem('${tabSeenKey}') && JSON.parse(localStorage.getItem('${guestOpenKey}'));`,
    `    sessionStorage.setItem('${tabSeenKey}', '1');`,
    `    if (open && open.id && Math.abs(Date.now() - open.at) < ${guestOpenFreshFor}) sessionStorage.setItem('${guestKey}', (guest = String(open.id)));`,
    "    if (guest) root.dataset.guest = 'on';",
    `    var display = JSON.parse((guest ? sessionStorage : localStorage).getItem('${displayKey}') || '{}');`,
    '    for (var name in display) if (/^(textSize|theme|contrast|motion)$/.test(name)) root.dataset[name] = String(display[name]);',
    // Storage blocked or unreadable: the defaults are safe.
    '  } catch (e) {}',
    '})();',
  ];
  // Indented here to be read; sent without the indent, as it is on every page.
  return `${lines
    .filter((line) => typeof line === 'string')
    .map((line) => line.trim())
    .join('\n')}\n`;
}
