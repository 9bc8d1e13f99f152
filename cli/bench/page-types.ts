/**
 * Which page stands for each page type in a build: the home, its first module and that module's
 * first step; a step for each kind of tool (found by the `data-tool` attribute `Tool.astro` writes,
 * so a new kind is measured without changing the bench); a story with a video and one with
 * audio; and the site's fixed pages. A type the site does not have (no stories, no Arabic) is left out.
 */
import { existsSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BenchError } from './bench-error.ts';
import { fileForUrl, parseAttributes, sameOriginPath } from './page-resources.ts';

/** Page type → its address in the build, in the order the tables list them. */
export async function findPageTypes(outDir: string): Promise<Map<string, string>> {
  const read = async (url: string) => (existsSync(fileForUrl(outDir, url)) ? readFile(fileForUrl(outDir, url), 'utf8') : '');
  const moduleUrl = firstLink(await read('/'), '/', /^\/modules\/[^/]+\/$/);
  if (!moduleUrl) throw new BenchError('the home page links to no module (/modules/<name>/)');
  const stepUrl = firstLink(await read(moduleUrl), moduleUrl, new RegExp(`^${moduleUrl}[^/]+/$`));
  if (!stepUrl) throw new BenchError(`the module page ${moduleUrl} links to no step`);

  const types = new Map<string, string>([
    ['home', '/'],
    ['module', moduleUrl],
    ['step', stepUrl],
  ]);
  for (const [kind, url] of await stepPerToolKind(outDir)) types.set(`step: ${kind}`, url);
  const stories = await storiesByMedia(outDir, await read('/stories/'));
  for (const media of ['video', 'audio'] as const) {
    const url = stories.get(media);
    if (url) types.set(`story: ${media}`, url);
  }
  const fixed: [string, string][] = [
    ['stories', '/stories/'],
    ['search', '/search/'],
    ['my plan', '/my-plan/'],
    ['end session', '/end-session/'],
    ['help', '/help/'],
    ['privacy', '/privacy/'],
    ['es', '/es/'],
    ['ar', '/ar/'],
    ['404', '/404.html'],
  ];
  for (const [type, url] of fixed) types.set(type, url);
  return new Map([...types].filter(([, url]) => existsSync(fileForUrl(outDir, url))));
}

/**
 * For each tool kind, the default language's step that shows it alongside the fewest other kinds
 * (the first such in path order), so its row measures that kind's code.
 */
async function stepPerToolKind(outDir: string): Promise<Map<string, string>> {
  const best = new Map<string, { url: string; others: number }>();
  const modulesDir = join(outDir, 'modules');
  if (!existsSync(modulesDir)) return new Map();
  for (const module of readdirSync(modulesDir).sort()) {
    if (!existsSync(join(modulesDir, module, 'index.html'))) continue;
    for (const step of readdirSync(join(modulesDir, module)).sort()) {
      const url = `/modules/${module}/${step}/`;
      const file = fileForUrl(outDir, url);
      if (!existsSync(file)) continue;
      const kinds = new Set([...(await readFile(file, 'utf8')).matchAll(/\bdata-tool="([^"]+)"/g)].map((m) => m[1]!));
      for (const kind of kinds) {
        const seen = best.get(kind);
        if (!seen || kinds.size - 1 < seen.others) best.set(kind, { url, others: kinds.size - 1 });
      }
    }
  }
  return new Map([...best].sort(([a], [b]) => a.localeCompare(b)).map(([kind, { url }]) => [kind, url]));
}

/** The first story the stories page lists with a <video>, and the first with an <audio>. */
async function storiesByMedia(outDir: string, storiesHtml: string): Promise<Map<'video' | 'audio', string>> {
  const found = new Map<'video' | 'audio', string>();
  for (const url of allLinks(storiesHtml, '/stories/', /^\/stories\/(?!theme\/|module\/)[^/]+\/$/)) {
    const html = await readFile(fileForUrl(outDir, url), 'utf8').catch(() => '');
    for (const media of ['video', 'audio'] as const) if (!found.has(media) && new RegExp(`<${media}\\b`).test(html)) found.set(media, url);
    if (found.size === 2) break;
  }
  return found;
}

/** The first link in `html` (the page at `pageUrl`) whose same-origin path matches `pattern`. */
function firstLink(html: string, pageUrl: string, pattern: RegExp): string | undefined {
  return allLinks(html, pageUrl, pattern)[0];
}

function allLinks(html: string, pageUrl: string, pattern: RegExp): string[] {
  const urls: string[] = [];
  for (const [, attrs = ''] of html.matchAll(/<a\b([^>]*)>/gi)) {
    const href = parseAttributes(attrs).get('href');
    const url = href && sameOriginPath(href, pageUrl);
    if (url && pattern.test(url) && !urls.includes(url)) urls.push(url);
  }
  return urls;
}
