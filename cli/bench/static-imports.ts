/**
 * JS per page: a page's scripts and stylesheets, and, recursively, what they import statically
 * (module chunks, @import-ed stylesheets). The browser fetches all of those before the page is
 * ready, so they count towards its weight. Dynamic import() is left out: it loads later, if at all.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileForUrl, sameOriginPath } from './page-resources.ts';

export interface Collected {
  /** Each file by same-origin path; an empty buffer when it is not in the build (reported as missing by the caller). */
  files: Map<string, Buffer>;
  /** What the files load that is neither script nor stylesheet (fonts, background images). */
  extra: string[];
}

export type ImportFinder = (text: string, fromPath: string) => { same: string[]; other: string[] };

/** Reads `paths` from the build in `outDir`, and every file they import (found by `findImports`). */
export async function collect(outDir: string, paths: string[], findImports: ImportFinder): Promise<Collected> {
  const files = new Map<string, Buffer>();
  const extra = new Set<string>();
  const queue = [...paths];
  for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
    if (files.has(path)) continue;
    const file = fileForUrl(outDir, path);
    if (!existsSync(file)) {
      files.set(path, Buffer.alloc(0));
      continue;
    }
    const content = await readFile(file);
    files.set(path, content);
    const { same, other } = findImports(content.toString(), path);
    queue.push(...same);
    for (const ref of other) extra.add(ref);
  }
  return { files, extra: [...extra] };
}

/** The modules a JS file imports or re-exports statically. */
export const jsImports: ImportFinder = (code, fromPath) => {
  // `import{a as b}from"./chunk.js"`, `import"./x.js"`, `export*from"./y.js"` (minified or not).
  const pattern = /\b(?:import|export)\s*(?:[\w$*{}\s,]*?\bfrom\s*)?["']([^"'\n]+)["']/g;
  return {
    same: sameOrigin(
      [...code.matchAll(pattern)].flatMap((m) => m[1] ?? []),
      fromPath,
    ),
    other: [],
  };
};

/** The stylesheets a CSS file @imports (`same`), and the other files it loads with url() (`other`). */
export const cssImports: ImportFinder = (css, fromPath) => {
  const imports = [...css.matchAll(/@import\s+(?:url\()?\s*["']?([^"')\s;]+)/g)].flatMap((m) => m[1] ?? []);
  const urls = [...css.matchAll(/url\(\s*["']?([^"')]+?)["']?\s*\)/g)].flatMap((m) => m[1] ?? []).filter((u) => !imports.includes(u));
  const local = (refs: string[]) => refs.filter((r) => !r.startsWith('data:') && !r.startsWith('#'));
  return { same: sameOrigin(local(imports), fromPath), other: sameOrigin(local(urls), fromPath) };
};

function sameOrigin(refs: string[], fromPath: string): string[] {
  return refs.map((ref) => sameOriginPath(ref, fromPath)).filter((path): path is string => Boolean(path));
}
