/**
 * Registers the service worker that keeps the site on the device for offline use (built by
 * src/integration/offline.ts), and shows the banner once a new version is ready. It never
 * reloads by itself: only the person's button does (tools save as the page is left, so nothing
 * typed is lost). If a new version fails to install (say one of its files is missing after a
 * deployment), the old one would stay in service on every visit: so the banner says so, and the
 * page tries again a few times, further apart each time (the browser tries again on each visit
 * too). Kept small: it is on every page (a lazily loaded part would bring Vite's preload helper).
 */
// Only the build has a service worker; `astro dev` serves every change fresh.
const sw = import.meta.env.PROD ? navigator.serviceWorker : undefined;
const base = import.meta.env.BASE_URL;
let reloading = false;
let tries = 0;
let retry: ReturnType<typeof setTimeout> | undefined;

/** The banner (UpdateBanner.astro) in one state, `ready`, `failed` or `offline`: the parts whose `data-show` names it show. */
function show(state: string, act: () => unknown) {
  const banner = document.querySelector<HTMLElement>('[data-update-banner]')!;
  banner.hidden = false;
  for (const part of banner.querySelectorAll<HTMLElement>('[data-show]')) part.hidden = !part.dataset.show!.includes(state);
  banner.querySelector('button')!.onclick = act;
}

/**
 * Loads the newest version from the network: the worker is removed, so the reload comes from the
 * host. Safe: words are in IndexedDB, not in the worker's copy, and tools save as the page is left;
 * the next page registers the worker again and keeps the site for offline once more. With no signal
 * it changes nothing and says so, or the reload would find no page at all.
 */
function loadNewest(registration: ServiceWorkerRegistration) {
  // sw.js is never kept by the worker, so this asks the host itself.
  fetch(`${base}sw.js`, { cache: 'no-store' })
    .then(() => registration.unregister())
    .then(
      () => location.reload(),
      () => show('offline', () => loadNewest(registration)),
    );
}

/** A new version could not be installed: say so (if an old one is in service) and try again later. */
function failed(registration: ServiceWorkerRegistration) {
  if (sw!.controller) show('failed', () => loadNewest(registration));
  // 5 s, 20 s, 80 s, 320 s: a missing file may be back soon; a host that is down gets some peace.
  if (retry || tries > 3) return;
  retry = setTimeout(
    () => {
      retry = undefined;
      registration.update().catch(() => failed(registration));
    },
    5_000 * 4 ** tries++,
  );
}

sw?.register(`${base}sw.js`, { scope: base }).then(
  (registration) => {
    const found = () => {
      const worker = registration.waiting ?? registration.installing;
      if (!worker) return;
      let installed = false;
      const changed = () => {
        // Gone before it was ever installed: its install failed.
        if (worker.state === 'redundant' && !installed) failed(registration);
        if (worker.state !== 'installed') return;
        installed = true;
        // No controller: this is the first visit's worker, not an update.
        if (sw.controller)
          show('ready', () => {
            reloading = true;
            worker.postMessage({ type: 'SKIP_WAITING' });
          });
      };
      changed();
      worker.onstatechange = changed;
    };
    found();
    registration.onupdatefound = found;
  },
  () => undefined, // No service worker (a private window, an old browser): the site still works online.
);
sw?.addEventListener('controllerchange', () => reloading && location.reload());
