/**
 * Checks the links of a built site (`npm run check`): every same-site `href`, `src`, `srcset`,
 * `poster` and island script must be a file in the output, and every `#part` must be an `id` on
 * the page it points to. It reads the HTML that was built, so it sees exactly what a reader gets,
 * under the base path the site was built for. `pageSource` maps a page back to its content file.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { filesIn } from '../integration/built-files.ts';
import { idsIn, tagsIn, withoutScripts } from '../integration/built-html.ts';
import { matchPath } from '../routes/index.ts';

export interface BrokenLink {
  /** The page the link is on, as an address on the site (`/modules/x/y/`, with the base path). */
  page: string;
  /** The address as it is written in the page. */
  url: string;
  /** `href`, `src`, `poster`… */
  attribute: string;
  reason: 'no-file' | 'no-anchor' | 'outside-base';
  /** For `no-anchor`: the page the link points to, and the ids of its headings. */
  target?: string;
  headings?: string[];
}

export interface LinkReport {
  /** Every built page's address. */
  pages: string[];
  /** How many same-site addresses were checked (each time one appears on a page). */
  checked: number;
  broken: BrokenLink[];
}

/** Attributes that hold an address the browser will load or go to. */
const linkAttributes = new Set(['href', 'src', 'srcset', 'poster', 'action', 'data', 'component-url', 'renderer-url', 'before-hydration-url']);
/** `https:`, `mailto:`, `data:`… and `//host`: not this site's files. */
const otherSite = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;

export function checkBuiltLinks(outDir: string, base = '/'): LinkReport {
  const files = new Set(filesIn(outDir).map((file) => relative(outDir, file).split('\\').join('/')));
  const byAddress = (a: string, b: string) => (pageAddress(a) < pageAddress(b) ? -1 : 1);
  const htmlFiles = [...files].filter((file) => file.endsWith('.html')).sort(byAddress);
  const htmlOf = new Map<string, string>();
  const read = (file: string) => {
    let html = htmlOf.get(file);
    if (html === undefined) {
      html = withoutScripts(readFileSync(join(outDir, file), 'utf8'));
      htmlOf.set(file, html);
    }
    return html;
  };
  const idsOf = new Map<string, { all: Set<string>; headings: string[] }>();
  const ids = (file: string) => {
    let found = idsOf.get(file);
    if (!found) {
      found = idsIn(read(file));
      idsOf.set(file, found);
    }
    return found;
  };

  const broken: BrokenLink[] = [];
  let checked = 0;
  for (const file of htmlFiles) {
    const page = pageAddress(file, base);
    const seen = new Set<string>();
    for (const { attributes } of tagsIn(read(file))) {
      for (const [attribute, value] of Object.entries(attributes)) {
        if (!linkAttributes.has(attribute)) continue;
        const urls = attribute === 'srcset' ? value.split(',').map((part) => part.trim().split(/\s+/)[0] ?? '') : [value.trim()];
        for (const url of urls) {
          if (!url || otherSite.test(url)) continue;
          checked++;
          const problem = checkOne(url, page, base, files, ids);
          const key = `${attribute} ${url}`;
          if (problem && !seen.has(key)) {
            seen.add(key);
            broken.push({ page, url, attribute, ...problem });
          }
        }
      }
    }
  }
  return { pages: htmlFiles.map((file) => pageAddress(file, base)), checked, broken };
}

function checkOne(
  url: string,
  page: string,
  base: string,
  files: Set<string>,
  ids: (file: string) => { all: Set<string>; headings: string[] },
): Pick<BrokenLink, 'reason' | 'target' | 'headings'> | undefined {
  const resolved = new URL(url, `https://waymark.invalid${page}`);
  if (!resolved.pathname.startsWith(base)) return { reason: 'outside-base' };
  const path = safeDecode(resolved.pathname.slice(base.length));
  const target = path === '' || path.endsWith('/') ? `${path}index.html` : files.has(path) ? path : `${path}/index.html`;
  if (!files.has(target)) return { reason: 'no-file' };
  const fragment = safeDecode(resolved.hash.slice(1));
  // `#top` always works; `#a=b` is read by the page's script (a carried plan), not an anchor.
  if (!fragment || fragment === 'top' || fragment.includes('=') || !target.endsWith('.html')) return undefined;
  const found = ids(target);
  if (found.all.has(fragment)) return undefined;
  return { reason: 'no-anchor', target: pageAddress(target, base), headings: found.headings };
}

/** `modules/x/index.html` is the page `/modules/x/` (under the base path). */
export function pageAddress(file: string, base = '/'): string {
  return `${base}${file.replace(/(^|\/)index\.html$/, '$1')}`;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

export interface SiteShape {
  contentDir: string;
  base: string;
  defaultLocale: string;
  locales: readonly string[];
}

/**
 * The content file a built page is made from, by the route table (`/modules/x/y/` is `modules/<locale>/x/y.mdx`), or
 * undefined for pages Waymark makes itself (My plan, the story lists…).
 */
export function pageSource(page: string, site: SiteShape): string | undefined {
  if (!page.startsWith(site.base)) return undefined;
  const parts = page.slice(site.base.length).split('/').filter(Boolean);
  const locale = parts[0] && parts[0] !== site.defaultLocale && site.locales.includes(parts[0]) ? parts.shift()! : site.defaultLocale;
  const found = matchPath(parts.join('/'));
  const file = found?.route.source?.(found.params, locale);
  if (!file) return undefined;
  const path = join(site.contentDir, file);
  return existsSync(path) ? path : undefined;
}

/** The first line of `file` (1-based, counting the frontmatter) where `url` is written, if it is. */
export function lineOfLink(file: string, url: string, base = '/'): number | undefined {
  const lines = readFileSync(file, 'utf8').split('\n');
  const candidates = [url];
  if (base !== '/' && url.startsWith(base)) candidates.push(`/${url.slice(base.length)}`);
  for (const candidate of candidates) {
    const index = lines.findIndex((line) => line.includes(`(${candidate})`) || line.includes(`"${candidate}"`) || line.includes(`(${candidate} `));
    if (index >= 0) return index + 1;
  }
  for (const candidate of candidates) {
    const index = lines.findIndex((line) => line.includes(candidate));
    if (index >= 0) return index + 1;
  }
  return undefined;
}
