/**
 * What a built page makes the browser fetch while it loads: scripts, stylesheets, icons, images,
 * island code. Page weight and JS per page are counted from this list, so it follows the browser's
 * rules closely enough for Astro's own output; regexes are enough for that.
 */
import { resolve, sep } from 'node:path';
import { BenchError } from './bench-error.ts';

export interface PageReferences {
  /** Same-origin paths of scripts: `<script src>`, module preloads, island component code. */
  scripts: string[];
  inlineScripts: string[];
  stylesheets: string[];
  inlineStyles: string[];
  /** Everything else fetched on load: icons, the manifest, images, media posters. */
  other: string[];
  /** References to another origin, in full: a private site should have none. */
  crossOrigin: string[];
}

/** The references in `html`, the page at `pageUrl`. Comments are dropped first, so commented-out tags do not count. */
export function pageReferences(html: string, pageUrl: string): PageReferences {
  html = html.replace(/<!--[\s\S]*?-->/g, '');
  const refs: PageReferences = { scripts: [], inlineScripts: [], stylesheets: [], inlineStyles: [], other: [], crossOrigin: [] };
  const add = (kind: 'scripts' | 'stylesheets' | 'other', ref: string | undefined) => {
    if (!ref || ref.startsWith('data:')) return;
    const path = sameOriginPath(ref, pageUrl);
    if (path) refs[kind].push(path);
    else refs.crossOrigin.push(ref);
  };

  for (const [, attrText = '', body = ''] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    const attrs = parseAttributes(attrText);
    const type = (attrs.get('type') ?? '').toLowerCase();
    // JSON-LD, import maps, speculation rules and the like are data, not script.
    if (!['', 'module', 'text/javascript', 'application/javascript'].includes(type)) continue;
    if (attrs.has('src')) add('scripts', attrs.get('src'));
    else if (body.trim()) refs.inlineScripts.push(body);
  }
  for (const [, body = ''] of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style\s*>/gi)) refs.inlineStyles.push(body);

  for (const [, attrText = ''] of html.matchAll(/<link\b([^>]*)>/gi)) {
    const attrs = parseAttributes(attrText);
    const rel = (attrs.get('rel') ?? '').toLowerCase().split(/\s+/);
    const href = attrs.get('href');
    if (rel.includes('stylesheet')) add('stylesheets', href);
    else if (rel.includes('modulepreload') || (rel.includes('preload') && attrs.get('as') === 'script')) add('scripts', href);
    else if (rel.includes('preload') && attrs.get('as') === 'style') add('stylesheets', href);
    // Icons, the manifest and other preloads are fetched on load; prefetch, canonical etc. are not.
    else if (rel.some((r) => ['icon', 'apple-touch-icon', 'mask-icon', 'manifest', 'preload'].includes(r))) add('other', href);
  }

  // Astro islands load their component and renderer as modules when they hydrate.
  for (const [, attrText = ''] of html.matchAll(/<astro-island\b([^>]*)>/gi)) {
    const attrs = parseAttributes(attrText);
    for (const name of ['component-url', 'renderer-url', 'before-hydration-url']) add('scripts', attrs.get(name));
  }
  const media = { img: 'src', video: 'poster', audio: 'src', iframe: 'src', embed: 'src', object: 'data' };
  for (const [tag, attr] of Object.entries(media)) {
    for (const [, attrText = ''] of html.matchAll(new RegExp(`<${tag}\\b([^>]*)>`, 'gi'))) add('other', parseAttributes(attrText).get(attr));
  }
  return refs;
}

/** A tag's attributes by lower-case name, entities decoded; a bare attribute has the value ''. */
export function parseAttributes(text: string): Map<string, string> {
  const attrs = new Map<string, string>();
  for (const [, name, dq, sq, bare] of text.matchAll(/([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
    if (name) attrs.set(name.toLowerCase(), decodeEntities(dq ?? sq ?? bare ?? ''));
  }
  return attrs;
}

const entities: Record<string, string> = { amp: '&', quot: '"', '#39': "'", lt: '<', gt: '>' };

function decodeEntities(value: string): string {
  return value.replace(/&(amp|quot|#39|lt|gt);/g, (match, name: string) => entities[name] ?? match);
}

/** The path of a reference if it is on the site's own origin, else undefined. */
export function sameOriginPath(ref: string, fromPath: string): string | undefined {
  const origin = 'http://waymark.invalid';
  const url = new URL(ref, origin + fromPath);
  return url.origin === origin ? decodeURIComponent(url.pathname) : undefined;
}

/** `/modules/x/` → `<out>/modules/x/index.html`; refuses paths that leave the build folder. */
export function fileForUrl(outDir: string, path: string): string {
  const file = resolve(outDir, `.${path.endsWith('/') ? `${path}index.html` : path}`);
  if (!file.startsWith(outDir + sep)) throw new BenchError(`${path} points outside the build folder`);
  return file;
}
