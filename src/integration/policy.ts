/**
 * The one place the site's Content-Security-Policy and security headers are written down.
 * Astro puts the policy in a <meta> tag on every page (with hashes of its own scripts and styles);
 * `headers.ts` writes the same policy, plus what only an HTTP header can say, into `_headers`.
 */

/** Where each kind of resource may come from: this site only, and nothing that runs from a string. */
export const directives = [
  "default-src 'self'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob:",
  "font-src 'self'",
  "connect-src 'self'",
  // Pagefind's search runs WebAssembly in a worker it starts from a blob.
  "worker-src 'self' blob:",
  "manifest-src 'self'",
  "frame-src 'none'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
] as const;

/** script-src: this site's files, hashes Astro adds for its own inline scripts, and WebAssembly (Pagefind). */
export const scriptSources = ["'self'", "'wasm-unsafe-eval'"] as const;

/** style-src: this site's files and hashes Astro adds for its inline styles. Never 'unsafe-inline'. */
export const styleSources = ["'self'"] as const;

/** Browsers ignore these in a <meta> tag: they only work as HTTP headers. */
export const headerOnlyDirectives = ["frame-ancestors 'none'"] as const;

/** Sent with every page by hosts that read a `_headers` file (Netlify, Cloudflare Pages). */
export const securityHeaders: Record<string, string> = {
  'Strict-Transport-Security': 'max-age=63072000; includeSubDomains',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  // Nothing on the site uses these; a page that is tricked into asking gets a plain no.
  'Permissions-Policy': [
    'accelerometer=()',
    'autoplay=()',
    'camera=()',
    'display-capture=()',
    'geolocation=()',
    'gyroscope=()',
    'hid=()',
    'magnetometer=()',
    'microphone=()',
    'midi=()',
    'payment=()',
    'publickey-credentials-get=()',
    'serial=()',
    'usb=()',
    'browsing-topics=()',
  ].join(', '),
};
