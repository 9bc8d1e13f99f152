/**
 * Registers the service worker that keeps the site on the device for offline use (built by
 * src/integration/offline.ts), and shows the banner once a new version is ready. It never
 * reloads by itself: only the person's Reload button does (tools save as the page is left, so
 * nothing typed is lost). Kept to a few hundred bytes: it is on every page.
 */
// Only the build has a service worker; `astro dev` serves every change fresh.
const sw = import.meta.env.PROD ? navigator.serviceWorker : undefined;
const base = import.meta.env.BASE_URL;
let reloading = false;

sw?.register(`${base}sw.js`, { scope: base }).then(
  (registration) => {
    const found = () => {
      const worker = registration.waiting ?? registration.installing;
      // No controller: this is the first visit's worker, not an update.
      if (!worker || !sw.controller) return;
      const ready = () => {
        if (worker.state !== 'installed') return;
        const banner = document.querySelector<HTMLElement>('[data-update-banner]')!;
        banner.hidden = false;
        banner.querySelector('button')!.onclick = () => {
          reloading = true;
          worker.postMessage({ type: 'SKIP_WAITING' });
        };
      };
      ready();
      worker.onstatechange = ready;
    };
    found();
    registration.onupdatefound = found;
  },
  () => undefined, // No service worker (a private window, an old browser): the site still works online.
);
sw?.addEventListener('controllerchange', () => reloading && location.reload());
