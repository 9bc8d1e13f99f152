/**
 * `npm run bench`: how heavy Waymark's pages are, how fast it builds a large site, and what
 * Lighthouse thinks of it. This file runs the parts in order; each part is a module of its own.
 *
 *   1. Builds the real site into a temporary folder (`build-time.ts`) and, for each page type,
 *      measures the bytes a browser downloads and how many requests the page makes
 *      (`page-weight.ts`, with `page-resources.ts` and `static-imports.ts` for JS per page).
 *   2. Builds a copy of `content/` with 1,000 generated MDX pages added (`generate-pages.ts`): wall
 *      time, pages/s and peak memory of the build (`memory.ts`).
 *   3. Runs Lighthouse (mobile, default config) on every page type a person meets on the way
 *      (home, module, step, a step with each tool kind, stories with video and audio, the stories
 *      list, search, My plan, End the session), three times each, keeping the median; served by
 *      `astro preview` from the build of part 1 (`lighthouse.ts`, `preview-server.ts`).
 *
 * Prints a table and writes every figure to `bench-results/bench.json` (plus each Lighthouse
 * report, to see which audits cost points) (`report.ts`). Flags: `--skip-lighthouse`,
 * `--skip-build-1000`, `--runs=N` (Lighthouse runs per page, 3 unless set). Everything temporary lives in one folder under os.tmpdir(), removed at the
 * end, also on failure or Ctrl-C.
 */
import { rmSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { BenchError } from './bench-error.ts';
import { astroCaches, build1000, buildSite, removeAstroCache } from './build-time.ts';
import { seconds } from './figures.ts';
import { lighthouseAll, lighthousePreflight } from './lighthouse.ts';
import { measurePages } from './page-weight.ts';
import { killAll } from './processes.ts';
import { type BenchResults, printReport, writeResults } from './report.ts';

interface Options {
  lighthouse: boolean;
  build1000: boolean;
  /** Lighthouse runs per page; the median is kept. */
  runs: number;
}

// The page types Lighthouse tests: every kind of page a person meets (help, privacy and the other
// languages are built from the same parts, and only weighed).
const lighthouseTypes = (type: string) => !['help', 'privacy', 'es', 'ar', '404'].includes(type);

// The temporary folder, removed on Ctrl-C too, not only in `finally`.
let workDir: string | undefined;

async function main(): Promise<void> {
  const options = parseFlags(process.argv.slice(2));
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => abort(signal));
  // Checked first, so a busy port or a missing browser fails now, not after the builds.
  if (options.lighthouse) await lighthousePreflight();
  const date = new Date().toISOString();
  const work = await mkdtemp(join(tmpdir(), 'waymark-bench-'));
  workDir = work;
  try {
    const siteOut = join(work, 'bench-site');
    const siteBuild = await step('Building the site', () => buildSite(siteOut));
    const pages = await step('Measuring page weight', () => measurePages(siteOut));
    const results: BenchResults = {
      date,
      machine: { node: process.versions.node, cpus: availableParallelism(), platform: process.platform },
      siteBuild,
      pages,
    };
    if (options.build1000) results.build1000 = await step('Building 1,000 generated MDX pages', () => build1000(work));
    if (options.lighthouse) {
      const urls = new Map(Object.entries(pages).flatMap(([type, page]) => (lighthouseTypes(type) ? [[type, page.url] as const] : [])));
      for (const type of ['home', 'module', 'step']) if (!urls.has(type)) throw new BenchError(`no ${type} page was found in the build to run Lighthouse on`);
      const label = `Running Lighthouse on ${urls.size} pages, ${options.runs} times each`;
      results.lighthouse = await step(label, () => lighthouseAll(siteOut, urls, work, options.runs));
    }
    const file = await writeResults(results);
    printReport(results);
    console.log(`\nAll figures: ${relative(process.cwd(), file)}`);
  } finally {
    cleanUp();
  }
}

function parseFlags(args: string[]): Options {
  const known = ['--skip-lighthouse', '--skip-build-1000', '--runs=N'];
  const runsFlag = args.find((arg) => arg.startsWith('--runs='));
  const unknown = args.filter((arg) => arg !== runsFlag && !known.includes(arg));
  if (unknown.length) throw new BenchError(`unknown flag(s) ${unknown.join(' ')}; known: ${known.join(', ')}`);
  const runs = runsFlag ? Number(runsFlag.slice('--runs='.length)) : 3;
  if (!Number.isInteger(runs) || runs < 1) throw new BenchError(`--runs needs a whole number of 1 or more, not ${runsFlag}`);
  return { lighthouse: !args.includes('--skip-lighthouse'), build1000: !args.includes('--skip-build-1000'), runs };
}

/** Runs one part of the bench, saying what it does, and names it if it fails. */
async function step<T>(name: string, fn: () => Promise<T>): Promise<T> {
  console.error(`› ${name}…`);
  const started = performance.now();
  try {
    const result = await fn();
    console.error(`  done in ${seconds(started)} s`);
    return result;
  } catch (error) {
    if (error instanceof BenchError) throw new BenchError(`${name}: ${error.message}`);
    throw error;
  }
}

function cleanUp(): void {
  if (workDir) rmSync(workDir, { recursive: true, force: true });
  for (const name of astroCaches) removeAstroCache(name);
}

function abort(signal: NodeJS.Signals): void {
  killAll();
  cleanUp();
  console.error(`\nbench stopped by ${signal}; temporary files removed.`);
  process.exit(130);
}

await main().catch((error: unknown) => {
  const message = error instanceof BenchError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error);
  console.error(`\nbench failed: ${message}`);
  process.exitCode = 1;
});
