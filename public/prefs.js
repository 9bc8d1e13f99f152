/*
 * Runs before the first paint (a plain, blocking file, so a strict Content-Security-Policy needs no
 * inline script): puts the person's choices on <html> so the page never flashes.
 * Together mode and guest sessions live in sessionStorage: they end when the tab closes.
 * Text size, colours, contrast and movement ("waymark.display", see src/client/display-controls.ts)
 * are kept in localStorage, or only for the tab in a guest session.
 * A line marked "feature: x" is taken out of the build when x is switched off in site.yaml.
 */
(function () {
  var root = document.documentElement;
  root.dataset.js = 'on'; // controls that need script show from the first paint, so nothing shifts
  if ('speechSynthesis' in window) root.dataset.speech = 'on'; /* feature: listen */
  try {
    if (sessionStorage.getItem('waymark.together') === 'on') root.dataset.together = 'on'; /* feature: together */
    var guest = sessionStorage.getItem('waymark.guest') === 'on';
    if (guest) root.dataset.guest = 'on';
    var display = JSON.parse((guest ? sessionStorage : localStorage).getItem('waymark.display') || '{}');
    for (var name in display) if (/^(textSize|theme|contrast|motion)$/.test(name)) root.dataset[name] = String(display[name]);
  } catch (e) {
    /* Storage blocked or unreadable: the defaults are safe. */
  }
})();
