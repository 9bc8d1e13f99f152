/**
 * Page weight per page type: for one page of each type in the build (see `page-types.ts`), the bytes a browser downloads (HTML,
 * JS, CSS; raw and gzip) and how many requests it makes. People read Waymark on old phones and
 * pay-as-you-go data, so these are the figures a change must not quietly grow.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { BenchError } from './bench-error.ts';
import { fileForUrl, pageReferences } from './page-resources.ts';
import { findPageTypes } from './page-types.ts';
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
  /** Of those, the script files (each one a request before the page's code has run). */
  scriptRequests: number;
  resources: string[];
  crossOrigin: string[];
  /** Files the page references that are not in the build. */
  missing: string[];
}

/** Finds one page of each type in the build in `outDir` (`page-types.ts`) and measures it; the key is the type. */
export async function measurePages(outDir: string): Promise<Record<string, PageWeight>> {
  const pages: Record<string, PageWeight> = {};
  for (const [type, url] of await findPageTypes(outDir)) pages[type] = await measurePage(outDir, url);
  return pages;
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
    scriptRequests: js.files.size,
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
