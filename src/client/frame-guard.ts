/**
 * The frame guard, added to the end of `prefs.js` (src/integration/engine-assets.ts) so it runs
 * before the first paint. `frame-ancestors` only works as an HTTP header (`_headers`), and many
 * hosts ignore that file; a <meta> policy cannot say it. So when a page finds itself inside another
 * page, it marks <html data-framed="on">, and the stylesheet (src/styles/frame.css) hides
 * everything but a short notice with a link that opens the page on its own (FrameNotice.astro).
 * Hidden controls cannot be clicked, so no button (such as "Forget everything") can be clickjacked,
 * and the policy stays strict: a plain file, no inline script, nothing `unsafe-*`.
 *
 * A frame sandboxed without `allow-scripts` runs none of this, but then none of the site's scripts
 * run either: the tools and every button that changes or forgets words need script, so nothing
 * there does anything (and without `allow-same-origin` it cannot reach this site's storage at all).
 */

/**
 * The script text, one line (it is on every page, unminified). Framed, or unable to tell (reading
 * `top` from inside another site's page can throw in some browsers): both end in `catch`.
 */
export const frameGuardScript = "try { if (top !== self) throw 0; } catch (e) { document.documentElement.dataset.framed = 'on'; }\n";
