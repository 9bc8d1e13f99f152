/**
 * Listen's buttons (shown only where the browser can speak: `data-speech`, set by prefs.js). The
 * reading itself (`listen-aloud.ts`) loads on the first press, which it then answers: a page pays
 * nothing for it until someone wants to listen. Only the device's own voices are used.
 */
import { listen } from 'virtual:waymark/features';
// Bundled on its own as a plain script (a "worker" build gives it one file and a URL), so no page
// carries the preloading code a dynamic import brings.
import aloud from './listen-aloud.ts?worker&url';

// With Listen switched off in site.yaml, `listen` is false at build time and this is dropped.
if (listen && 'speechSynthesis' in window) {
  const first = (event: Event) => {
    const button = (event.target as Element).closest<HTMLElement>('[data-listen-action], [data-listen-text]');
    if (!button) return;
    document.removeEventListener('click', first);
    button.dataset.listenPressed = '';
    document.head.append(Object.assign(document.createElement('script'), { src: aloud }));
  };
  document.addEventListener('click', first);
  // Leaving the page stops the voice, so it never goes on over the next page.
  addEventListener('pagehide', () => speechSynthesis.cancel());
}
