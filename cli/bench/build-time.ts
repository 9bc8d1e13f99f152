/**
 * Build time: how long `astro build` takes, how many pages it writes per second and its peak
 * memory, for the real site and for the real site plus 1,000 generated MDX pages. The second figure
 * tells a service whether Waymark still builds in reasonable time once its content grows.
 */
import { rmSync } from 'node:fs';
import { cp } from 'node:fs/promises';
import { join } from 'node:path';
import { filesIn } from '../../src/integration/built-files.ts';
import { round, seconds } from './figures.ts';
import { generateModules } from './generate-pages.ts';
import { binPath, root, run } from './processes.ts';

export interface BuildFigures {
  seconds: number;
  pages: number;
  pagesPerSecond: number;
  peakMemoryMiB: number;
}

export interface Build1000Figures extends BuildFigures {
  generatedMdxFiles: number;
}

/** The output folder names the bench builds into; Astro keeps a cache per name (astro.config.mjs). */
export const astroCaches = ['bench-site', 'bench-1000'];

/** Builds the real `content/` into `out` and measures the build. */
export async function buildSite(out: string): Promise<BuildFigures> {
  return buildFigures(await astroBuild({ out }), countHtml(out));
}

/** Builds a copy of `content/` with 1,000 generated MDX pages added, inside `workDir`. */
export async function build1000(workDir: string): Promise<Build1000Figures> {
  const content = join(workDir, 'content-1000');
  const out = join(workDir, 'bench-1000');
  try {
    await cp(join(root, 'content'), content, { recursive: true });
    const files = await generateModules(join(content, 'modules', 'en'));
    removeAstroCache('bench-1000'); // a cold build, as in CI, not one helped by the last run
    const build = await astroBuild({ content, out });
    return { generatedMdxFiles: files, ...buildFigures(build, countHtml(out)) };
  } finally {
    rmSync(content, { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
  }
}

export function removeAstroCache(outName: string): void {
  rmSync(join(root, 'node_modules', '.astro', outName), { recursive: true, force: true });
}

interface BuildRun {
  seconds: number;
  peakBytes: number;
}

/** `astro build` of a content folder into `out`, timed and with its peak memory. */
async function astroBuild({ content = join(root, 'content'), out }: { content?: string; out: string }): Promise<BuildRun> {
  const started = performance.now();
  const { peakBytes = 0 } = await run('astro build', binPath('astro'), ['build'], {
    // The base is fixed at `/` so that page addresses and preview URLs are the plain ones.
    env: { WAYMARK_CONTENT: content, WAYMARK_OUT: out, WAYMARK_BASE: '/' },
    trackMemory: true,
  });
  return { seconds: seconds(started), peakBytes };
}

function buildFigures(build: BuildRun, pages: number): BuildFigures {
  return {
    seconds: build.seconds,
    pages,
    pagesPerSecond: round(pages / build.seconds, 1),
    peakMemoryMiB: round(build.peakBytes / 2 ** 20, 0),
  };
}

const countHtml = (dir: string): number => filesIn(dir, ['.html']).length;
