/**
 * Lighthouse scores (mobile, default config) for each page type it is asked about, served by
 * `astro preview` from the bench's own build: a second opinion on speed, accessibility, best
 * practice and SEO, with the audits that cost points. Each page is tested several times and the
 * median kept, as one run on a busy machine can be off by several points. The full report of the
 * median run is kept in bench-results/.
 */
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BenchError } from './bench-error.ts';
import { round } from './figures.ts';
import { ensurePortFree, withPreview } from './preview-server.ts';
import { binPath, run } from './processes.ts';
import { resultsDir } from './report.ts';

const chromePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// The flags that let Chromium run headless in this container (see /work/shared/STACK.md).
const chromeFlags =
  '--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run ' + '--disable-background-networking --disable-component-update --disable-sync';

export interface LighthouseResult {
  url: string;
  /** How many runs the median is taken from. */
  runs: number;
  /** 0–100 per category: performance, accessibility, best-practices, seo; the median of the runs. */
  scores: Record<string, number>;
  /** Undefined when Lighthouse could not measure it (left out of bench.json). */
  metrics: { fcpMs: number | undefined; lcpMs: number | undefined; tbtMs: number | undefined; cls: number | undefined };
  /** Audits that count towards a score and did not fully pass. */
  failedAudits: FailedAudit[];
  warnings: string[];
}

export interface FailedAudit {
  id: string;
  title: string;
  score: number;
  /** Its weight in the scores; 0 for Lighthouse 13's "insights" (hints, no points). */
  weight: number;
  displayValue: string | undefined;
}

/** The parts of Lighthouse's JSON report (its "LHR") that the bench reads. */
interface Report {
  runtimeError?: { message: string };
  runWarnings: string[];
  categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] }>;
  audits: Record<string, { id: string; title: string; score: number | null; scoreDisplayMode: string; numericValue?: number; displayValue?: string }>;
}

/** Checked before the builds, so a missing browser or a busy port fails now, not minutes later. */
export async function lighthousePreflight(): Promise<void> {
  if (!existsSync(chromePath)) throw new BenchError(`no Chromium at ${chromePath}; install it or set CHROMIUM_PATH`);
  await ensurePortFree();
}

/** Serves the build in `outDir` and runs Lighthouse `runs` times on each of `urls` (type → path). */
export async function lighthouseAll(outDir: string, urls: Map<string, string>, workDir: string, runs: number): Promise<Record<string, LighthouseResult>> {
  return withPreview(outDir, async (origin) => {
    const results: Record<string, LighthouseResult> = {};
    // One run at a time: two Chromiums on 2 cores would distort each other's timings.
    for (const [type, path] of urls) {
      const each: { result: LighthouseResult; reportPath: string }[] = [];
      for (let run = 1; run <= runs; run++) {
        console.error(`  ${type} (${run}/${runs}): ${origin}${path}`);
        each.push(await lighthouse(`${origin}${path}`, `${fileSafe(type)}-${run}`, workDir));
      }
      results[type] = medianOf(each.map((e) => e.result));
      // Keep the median run's full report next to bench.json: it explains any score below 100.
      const median = each.find((e) => e.result === medianRun(each.map((r) => r.result)))!;
      await mkdir(resultsDir, { recursive: true });
      await copyFile(median.reportPath, join(resultsDir, `lighthouse-${fileSafe(type)}.json`));
    }
    return results;
  });
}

const fileSafe = (type: string): string => type.replace(/[^a-z0-9]+/gi, '-');

/** The run whose performance score is the median (Lighthouse's own advice for reading several runs). */
function medianRun(runs: LighthouseResult[]): LighthouseResult {
  const sorted = [...runs].sort((a, b) => (a.scores.performance ?? 0) - (b.scores.performance ?? 0));
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

/** Each score and metric the median of the runs; the failed audits those of the median run. */
function medianOf(runs: LighthouseResult[]): LighthouseResult {
  const median = (values: (number | undefined)[]): number | undefined => {
    const known = values.filter((v): v is number => v !== undefined).sort((a, b) => a - b);
    if (!known.length) return undefined;
    const middle = Math.floor(known.length / 2);
    return known.length % 2 ? known[middle] : round((known[middle - 1]! + known[middle]!) / 2, 3);
  };
  const middle = medianRun(runs);
  const scores = Object.fromEntries(Object.keys(middle.scores).map((id) => [id, median(runs.map((r) => r.scores[id]))!]));
  const metric = (id: keyof LighthouseResult['metrics']) => median(runs.map((r) => r.metrics[id]));
  return {
    ...middle,
    runs: runs.length,
    scores,
    metrics: { fcpMs: metric('fcpMs'), lcpMs: metric('lcpMs'), tbtMs: metric('tbtMs'), cls: metric('cls') },
  };
}

async function lighthouse(url: string, name: string, workDir: string): Promise<{ result: LighthouseResult; reportPath: string }> {
  const reportPath = join(workDir, `lighthouse-${name}.json`);
  await run(
    `lighthouse ${url}`,
    binPath('lighthouse'),
    [
      url,
      `--chrome-flags=${chromeFlags}`,
      '--output=json',
      `--output-path=${reportPath}`,
      '--quiet',
      '--only-categories=performance,accessibility,best-practices,seo',
    ],
    // Lighthouse 13's CLI has no --chrome-path flag (it would be silently ignored): its Chrome
    // launcher reads CHROME_PATH, and would otherwise pick any Chrome it finds. TMPDIR keeps
    // Chrome's profile folder inside ours, so it goes too if Chrome fails to start.
    { env: { CHROME_PATH: chromePath, TMPDIR: await mkdtemp(join(workDir, 'chrome-')) } },
  );
  const lhr = JSON.parse(await readFile(reportPath, 'utf8')) as Report;
  if (lhr.runtimeError) throw new BenchError(`Lighthouse could not test ${url}: ${lhr.runtimeError.message}`);

  const scores: Record<string, number> = {};
  for (const [id, category] of Object.entries(lhr.categories)) {
    if (category.score === null) throw new BenchError(`Lighthouse gave no ${id} score for ${url}`);
    scores[id] = Math.round(category.score * 100);
  }
  const metric = (id: string) => lhr.audits[id]?.numericValue;
  // An audit's weight in the scores: Lighthouse 13's "insights" have weight 0 (hints, no points).
  const weight = new Map<string, number>();
  for (const category of Object.values(lhr.categories)) {
    for (const ref of category.auditRefs) weight.set(ref.id, Math.max(weight.get(ref.id) ?? 0, ref.weight));
  }
  const result: LighthouseResult = {
    url,
    runs: 1,
    scores,
    metrics: {
      fcpMs: round(metric('first-contentful-paint'), 0),
      lcpMs: round(metric('largest-contentful-paint'), 0),
      tbtMs: round(metric('total-blocking-time'), 0),
      cls: round(metric('cumulative-layout-shift'), 3),
    },
    // Informative, manual and not-applicable audits have no score and are left out.
    failedAudits: Object.values(lhr.audits).flatMap((a) =>
      a.score !== null && a.score < 1 && ['binary', 'numeric', 'metricSavings'].includes(a.scoreDisplayMode)
        ? [{ id: a.id, title: a.title, score: a.score, weight: weight.get(a.id) ?? 0, displayValue: a.displayValue }]
        : [],
    ),
    warnings: lhr.runWarnings,
  };
  return { result, reportPath };
}
