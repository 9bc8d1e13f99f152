/**
 * The bench's report: every figure in `bench-results/bench.json` (which a later run or a chart can
 * read), and the summary tables printed to stdout. The tables' columns and rounding stay as they
 * are, so a run can be compared with an older one line by line.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Build1000Figures, BuildFigures } from './build-time.ts';
import type { LighthouseResult } from './lighthouse.ts';
import type { PageWeight } from './page-weight.ts';
import { root } from './processes.ts';

export const resultsDir = join(root, 'bench-results');

export interface BenchResults {
  /** When the run started (ISO 8601). */
  date: string;
  machine: { node: string; cpus: number; platform: NodeJS.Platform };
  siteBuild: BuildFigures;
  /** Page type → its weight. */
  pages: Record<string, PageWeight>;
  build1000?: Build1000Figures;
  lighthouse?: Record<string, LighthouseResult>;
}

/** Writes `bench-results/bench.json`; returns its path. */
export async function writeResults(results: BenchResults): Promise<string> {
  await mkdir(resultsDir, { recursive: true });
  const file = join(resultsDir, 'bench.json');
  await writeFile(file, `${JSON.stringify(results, null, 2)}\n`);
  return file;
}

// In the order page-types.ts found them, but "404" last: as a number-like key it comes first in an object.
const inOrder = (types: string[]): string[] => [...types.filter((t) => t !== '404'), ...types.filter((t) => t === '404')];
const categories = ['performance', 'accessibility', 'best-practices', 'seo'];

export function printReport(results: BenchResults): void {
  printPageWeight(results.pages);
  printBuilds(results.siteBuild, results.build1000);
  if (results.lighthouse) printLighthouse(results.lighthouse);
}

function printPageWeight(pages: Record<string, PageWeight>): void {
  console.log('\nPage weight (kB = 1,000 bytes; gzip at zlib default level 6)');
  // Search code (the search page's script, Pagefind) loads on the search page only, when searching.
  const searchCode = (p: PageWeight) => (p.js.files.some((file) => /search|pagefind/.test(file)) ? 'yes' : 'no');
  const rows = inOrder(Object.keys(pages)).flatMap((type) => {
    const p = pages[type];
    if (!p) return [];
    const cells = [kB(p.html.raw), kB(p.html.gzip), kB(p.js.raw), kB(p.js.gzip), String(p.scriptRequests), kB(p.css.raw), kB(p.css.gzip), String(p.requests)];
    return [[type, p.url, ...cells, searchCode(p)]];
  });
  printTable(['page', 'url', 'HTML', 'HTML gz', 'JS', 'JS gz', 'JS files', 'CSS', 'CSS gz', 'requests', 'search code'], rows);
  const notes = Object.entries(pages).flatMap(([type, p]) => [
    ...p.missing.map((m) => `${type}: references ${m}, which is not in the build`),
    ...p.crossOrigin.map((c) => `${type}: loads ${c} from another origin`),
  ]);
  for (const note of notes) console.log(`  ! ${note}`);
}

function printBuilds(site: BuildFigures, b: Build1000Figures | undefined): void {
  console.log('\nBuild');
  const row = (name: string, f: BuildFigures) => [name, String(f.pages), `${f.seconds}`, `${f.pagesPerSecond}`, `${f.peakMemoryMiB}`];
  const rows = [row('site', site)];
  if (b) rows.push(row(`+${b.generatedMdxFiles} MDX`, b));
  printTable(['build', 'pages', 'seconds', 'pages/s', 'peak MiB'], rows, 1);
}

function printLighthouse(lighthouse: Record<string, LighthouseResult>): void {
  const runs = Math.max(...Object.values(lighthouse).map((r) => r.runs ?? 1));
  console.log(`\nLighthouse (mobile, default config; median of ${runs} run${runs === 1 ? '' : 's'})`);
  const rows = inOrder(Object.keys(lighthouse))
    .map((type) => [lighthouse[type]!, type] as const)
    .map(([r, type]) => [
      type,
      r.url.replace(/^https?:\/\/[^/]+/, ''),
      ...categories.map((c) => String(r.scores[c])),
      `${r.metrics.fcpMs}`,
      `${r.metrics.lcpMs}`,
      `${r.metrics.tbtMs}`,
      `${r.metrics.cls}`,
    ]);
  printTable(['page', 'url', 'perf', 'a11y', 'best pr.', 'seo', 'FCP ms', 'LCP ms', 'TBT ms', 'CLS'], rows);
  for (const [type, r] of Object.entries(lighthouse)) {
    for (const a of r.failedAudits) {
      const cost = a.weight ? `weight ${a.weight}` : 'weight 0, costs no points';
      console.log(`  ! ${type}: ${a.id} (score ${a.score}, ${cost}) ${a.title}${a.displayValue ? ` — ${a.displayValue}` : ''}`);
    }
  }
}

/** Text columns (the first `textColumns`) align left, figures right. */
function printTable(header: string[], rows: string[][], textColumns = 2): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]?.length ?? 0)));
  const line = (cells: string[]) => cells.map((c, i) => (i < textColumns ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
}

const kB = (bytes: number): string => (bytes / 1000).toFixed(1);
