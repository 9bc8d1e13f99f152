/**
 * With `site:` in site.yaml, a real build (under a sub-path, to show the base is kept) gives
 * search engines and link previews what they read: canonical links, every translation with
 * x-default, Open Graph and Twitter tags with a picture, a sitemap per language, and robots.txt.
 * (The same build without `site:`, the default, is checked in e2e/valid-html.spec.ts.)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import sharp from 'sharp';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { copyDefaultContent } from './content-fixture';

const content = copyDefaultContent();
// Its own name: Astro's cache is named after the output folder, and must not be the real site's.
const outDir = join(content.dir, '..', 'dist-seo-test');
const origin = 'https://example.org';
const page = (path: string) => readFileSync(join(outDir, path, 'index.html'), 'utf8');
/** Each `<link>` or `<meta>` tag of a page whose attribute `key` is `value`, as attribute maps. */
function tags(html: string, element: 'link' | 'meta', key: string, value: string): Record<string, string>[] {
  return [...html.matchAll(new RegExp(`<${element}\\b[^>]*>`, 'g'))]
    .map(([tag]) => Object.fromEntries([...tag.matchAll(/([\w:-]+)="([^"]*)"/g)].map(([, name, text]) => [name!, text!])))
    .filter((attributes) => attributes[key] === value);
}
const meta = (html: string, property: string) => tags(html, 'meta', 'property', property).map((tag) => tag.content);

beforeAll(() => {
  content.edit('site.yaml', '# site: "https://example.org"', `site: "${origin}/"`);
  // Without Vitest's own BASE_URL, MODE…: Vite would take them for the site's import.meta.env.
  const { BASE_URL, MODE, DEV, PROD, SSR, ...env } = process.env;
  const build = spawnSync('node_modules/.bin/astro', ['build'], {
    env: { ...env, ASTRO_TELEMETRY_DISABLED: '1', WAYMARK_CONTENT: content.dir, WAYMARK_OUT: outDir, WAYMARK_BASE: '/waymark/' },
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new Error(stripVTControlCharacters(build.stdout + build.stderr));
}, 240_000);

afterAll(() => {
  content.cleanUp();
  rmSync(join('node_modules', '.astro', 'dist-seo-test'), { recursive: true, force: true });
});

it('gives each page its canonical address and every translation, with x-default', () => {
  const spanish = page('es/modules/getting-started');
  expect(tags(spanish, 'link', 'rel', 'canonical').map((tag) => tag.href)).toEqual([`${origin}/waymark/es/modules/getting-started/`]);
  const alternates = Object.fromEntries(tags(spanish, 'link', 'rel', 'alternate').map((tag) => [tag.hreflang, tag.href]));
  expect(alternates).toEqual({
    en: `${origin}/waymark/modules/getting-started/`,
    es: `${origin}/waymark/es/modules/getting-started/`,
    ar: `${origin}/waymark/ar/modules/getting-started/`,
    'x-default': `${origin}/waymark/modules/getting-started/`,
  });
  // A module not written in Arabic points to no Arabic page (the switcher's nearest page is not a translation).
  const hope = page('modules/hope-and-recovery');
  expect(tags(hope, 'link', 'rel', 'alternate').map((tag) => tag.hreflang)).toEqual(['en', 'es', 'x-default']);
});

it('describes each page for link previews, with a 1200 × 630 picture', async () => {
  const spanish = page('es/modules/getting-started');
  expect(meta(spanish, 'og:url')).toEqual([`${origin}/waymark/es/modules/getting-started/`]);
  expect(meta(spanish, 'og:type')).toEqual(['website']);
  expect(meta(spanish, 'og:site_name')).toEqual(['Waymark']);
  expect(meta(spanish, 'og:title')[0]).toBeTruthy();
  expect(meta(spanish, 'og:description')[0]).toBeTruthy();
  expect(meta(spanish, 'og:locale')).toEqual(['es_ES']);
  expect(meta(spanish, 'og:locale:alternate').sort()).toEqual(['ar_EG', 'en_US']);
  expect(meta(spanish, 'og:image')).toEqual([`${origin}/waymark/icons/share.png`]);
  expect(tags(spanish, 'meta', 'name', 'twitter:card').map((tag) => tag.content)).toEqual(['summary_large_image']);
  const picture = await sharp(join(outDir, 'icons/share.png')).metadata();
  expect([picture.width, picture.height]).toEqual([1200, 630]);
  // For other sites' previews only: not kept on the device for offline use.
  expect(readFileSync(join(outDir, 'sw.js'), 'utf8')).not.toContain('share.png');
});

it('writes a sitemap of the pages worth finding, each with its translations, and names it in robots.txt', () => {
  expect(readFileSync(join(outDir, 'robots.txt'), 'utf8')).toContain(`Sitemap: ${origin}/waymark/sitemap-index.xml`);
  expect(readFileSync(join(outDir, 'sitemap-index.xml'), 'utf8')).toContain(`<loc>${origin}/waymark/sitemap-0.xml</loc>`);
  const sitemap = readFileSync(join(outDir, 'sitemap-0.xml'), 'utf8');
  const entry = sitemap.match(new RegExp(`<url><loc>${origin}/waymark/es/modules/getting-started/</loc>.*?</url>`))?.[0] ?? '';
  for (const [locale, path] of [
    ['en', ''],
    ['es', 'es/'],
    ['ar', 'ar/'],
  ]) {
    expect(entry).toContain(`hreflang="${locale}" href="${origin}/waymark/${path}modules/getting-started/"`);
  }
  expect(sitemap).toContain(`<loc>${origin}/waymark/</loc>`);
  expect(sitemap).toContain(`<loc>${origin}/waymark/stories/the-brown-envelope/</loc>`);
  // Nothing to find on these: a search form, a person's own plan, the end of a session, the not-found page.
  for (const path of ['search/', 'my-plan/', 'end-session/', 'bring-back/', '404/', 'es/search/']) {
    expect(sitemap).not.toContain(`<loc>${origin}/waymark/${path}</loc>`);
  }
  expect(existsSync(join(outDir, '404.html'))).toBe(true);
});

it('a site address with a path, or not a web address, says what to write instead', () => {
  const mistaken = copyDefaultContent();
  try {
    mistaken.edit('site.yaml', '# site: "https://example.org"', 'site: "https://example.org/waymark/"');
    expect(mistaken.report()).toMatch(
      /✗ line \d+: site has more than the start of the address\.\n {4}How to fix: Write only the start of the address, like: site: "https:\/\/example\.org"\. A sub-path goes in the build's base/,
    );
    mistaken.edit('site.yaml', 'site: "https://example.org/waymark/"', 'site: example.org');
    expect(mistaken.report()).toMatch(/✗ line \d+: site is not a web address starting with https:\/\/\.\n {4}How to fix: Write the start of the address/);
  } finally {
    mistaken.cleanUp();
  }
});
