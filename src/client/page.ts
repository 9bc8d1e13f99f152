/**
 * Every page's plain script, as one module (Page.astro; kept in one file by the build's `page`
 * chunk group, src/integration/index.ts): a page without a tool makes one request for its code
 * besides the pre-paint `prefs.js`. Each part acts only where its elements are on the page; the
 * parts only some people need (a guest's controls, reading aloud) still load on demand.
 */
import './session-controls';
import './site-menu';
import './display-controls';
import './listen';
import './sw-register';
import './progress-marks';
import './guest-start';
import './today-page';
