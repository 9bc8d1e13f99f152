/**
 * Writers link to the site's own pages from its root: `[Get help now](/help/)`, `![A map](/media/map.png)`.
 * When the site is built for a sub-path (`/waymark/` on GitHub Pages, say), this adds that base to
 * such addresses in the built pages, so the same content works at a domain's root and under a
 * sub-path. (Astro 7's Markdown processor, Sätteri, does not run rehype plugins, so it is done on
 * the finished HTML.) Addresses already under the base, and other sites' (`//…`), are left alone.
 */
import type { AstroIntegration } from 'astro';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { changeAttributes } from './built-html';
import { filesIn } from './built-files';

export function withBasePath(address: string, base: string): string {
  if (!address.startsWith('/') || address.startsWith('//') || base === '/' || address.startsWith(base)) return address;
  return `${base.replace(/\/$/, '')}${address}`;
}

const linkAttributes = new Set(['href', 'src', 'poster']);

/** `html` with every root-relative `href`, `src` and `poster` under `base`. */
export function linksUnderBase(html: string, base: string): string {
  return changeAttributes(html, linkAttributes, (address) => withBasePath(address, base));
}

export function basePathLinks(base: string): AstroIntegration {
  return {
    name: 'waymark:base-path-links',
    hooks: {
      'astro:build:done': ({ dir }) => {
        if (base === '/') return;
        const site = fileURLToPath(dir);
        for (const file of filesIn(site, ['.html'])) {
          const html = readFileSync(file, 'utf8');
          const fixed = linksUnderBase(html, base);
          if (fixed !== html) writeFileSync(file, fixed);
        }
      },
    },
  };
}
