/**
 * Page weight per page type: for one page of each type in the build (home, module, step, story,
 * my plan, search, help, privacy, two other languages, 404), the bytes a browser downloads (HTML,
 * JS, CSS; raw and gzip) and how many requests it makes. People read Waymark on old phones and
 * pay-as-you-go data, so these are the figures a change must not quietly grow.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { BenchError } from './bench-error.ts';
import { fileForUrl, pageReferences, parseAttributes, sameOriginPath } from './page-resources.ts';
import { collect, cssImports, jsImports } from './static-imports.ts';

export interface Bytes {
  raw: number;
  gzip: number;
}

export interface CodeWeight extends Bytes {
  /** Same-origin paths of the files counted. */
  files: string[];
  /** How many inline <script> or <style> bodies were counted. */
  inline: number;
}

export interface PageWeight {
  url: string;
  html: Bytes;
  /** Inline <script>/<style> bodies are counted here and are also part of the HTML figures. */
  js: CodeWeight;
  css: CodeWeight;
  /** The page itself and every same-origin file it loads. */
  requests: number;
  resources: string[];
  crossOrigin: string[];
  /** Files the page references that are not in the build. */
  missing: string[];
}

/** Finds one page of each type in the build in `outDir` and measures it; the key is the type. */
export async function measurePages(outDir: string): Promise<Record<string, PageWeight>> {
  const homeHtml = await readFile(fileForUrl(outDir, '/'), 'utf8');
  // The first module the home page lists, and the first step that module page links to.
  const moduleUrl = firstLink(homeHtml, '/', /^\/modules\/[^/]+\/$/);
  if (!moduleUrl) throw new BenchError('the home page links to no module (/modules/<name>/)');
  const moduleHtml = await readFile(fileForUrl(outDir, moduleUrl), 'utf8');
  const stepUrl = firstLink(moduleHtml, moduleUrl, new RegExp(`^${moduleUrl}[^/]+/$`));
  if (!stepUrl) throw new BenchError(`the module page ${moduleUrl} links to no step`);
  const storiesFile = fileForUrl(outDir, '/stories/');
  const storiesHtml = existsSync(storiesFile) ? await readFile(storiesFile, 'utf8') : '';
  const storyUrl = firstLink(storiesHtml, '/stories/', /^\/stories\/(?!theme\/|module\/)[^/]+\/$/);
  const urls: Record<string, string | undefined> = {
    home: '/',
    module: moduleUrl,
    step: stepUrl,
    story: storyUrl,
    'my plan': '/my-plan/',
    search: '/search/',
    help: '/help/',
    privacy: '/privacy/',
    es: '/es/',
    ar: '/ar/',
    404: '/404.html',
  };
  // A page type this site does not have (no stories, no Arabic) is left out, not an error.
  const pages: Record<string, PageWeight> = {};
  for (const [type, url] of Object.entries(urls)) {
    if (url && existsSync(fileForUrl(outDir, url))) pages[type] = await measurePage(outDir, url);
  }
  return pages;
}

/** The first link in `html` (the page at `pageUrl`) whose same-origin path matches `pattern`. */
function firstLink(html: string, pageUrl: string, pattern: RegExp): string | undefined {
  for (const [, attrs = ''] of html.matchAll(/<a\b([^>]*)>/gi)) {
    const href = parseAttributes(attrs).get('href');
    if (!href) continue;
    const url = sameOriginPath(href, pageUrl);
    if (url && pattern.test(url)) return url;
  }
  return undefined;
}

async function measurePage(outDir: string, url: string): Promise<PageWeight> {
  const file = fileForUrl(outDir, url);
  if (!existsSync(file)) throw new BenchError(`${url} was not built (no ${relative(outDir, file)})`);
  const html = await readFile(file);
  const refs = pageReferences(html.toString(), url);
  const js = await collect(outDir, refs.scripts, jsImports);
  const css = await collect(outDir, refs.stylesheets, cssImports);
  // Anything else a stylesheet loads (fonts, background images) is fetched too.
  const other = new Set([...refs.other, ...css.extra]);
  const requested = new Set([...js.files.keys(), ...css.files.keys(), ...other]);
  const missing = [...requested].filter((path) => !existsSync(fileForUrl(outDir, path)));
  return {
    url,
    html: { raw: html.length, gzip: gzipSize(html) },
    js: { ...sizes(js.files, refs.inlineScripts), files: [...js.files.keys()], inline: refs.inlineScripts.length },
    css: { ...sizes(css.files, refs.inlineStyles), files: [...css.files.keys()], inline: refs.inlineStyles.length },
    requests: 1 + requested.size,
    resources: [...requested],
    crossOrigin: refs.crossOrigin,
    missing,
  };
}

/** Files and inline bodies together; each is gzipped on its own. */
function sizes(files: Map<string, Buffer>, inline: string[]): Bytes {
  return {
    raw: sum([...files.values()].map((b) => b.length)) + sum(inline.map((t) => Buffer.byteLength(t))),
    gzip: sum([...files.values()].map(gzipSize)) + sum(inline.map(gzipSize)),
  };
}

const gzipSize = (data: Buffer | string): number => gzipSync(data).length;
const sum = (numbers: number[]): number => numbers.reduce((a, b) => a + b, 0);
