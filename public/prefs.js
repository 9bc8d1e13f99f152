/*
 * Runs before the first paint (a plain, blocking file, so a strict Content-Security-Policy needs no
 * inline script): puts the person's session choices on <html> so the page never flashes.
 * Together mode and guest sessions live in sessionStorage: they end when the tab closes.
 */
(function () {
  try {
    var root = document.documentElement;
    if (sessionStorage.getItem('waymark.together') === 'on') root.dataset.together = 'on';
    if (sessionStorage.getItem('waymark.guest') === 'on') root.dataset.guest = 'on';
  } catch (e) {
    /* Storage blocked: the defaults are safe. */
  }
})();
