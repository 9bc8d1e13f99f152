/**
 * `npm run check`: every check of `content/` in one report, written for the person editing it.
 *
 * 1. The content contract (`checkContent`): site.yaml, UI strings, frontmatter, MDX, tools, stories.
 * 2. Pictures in pages: alt text, and that each file is there (`image-check.ts`).
 * 3. The brand colour's contrast in the light, dark and high-contrast themes (`contrast-check.ts`).
 * 4. The reading level of the English and Spanish pages (`reading-level.ts`), as information; a
 *    page above grade 9 is a warning. Other languages have no formula here.
 *    Pages that still talk about a feature switched off in site.yaml (`feature-traces.ts`), as warnings.
 * 5. Only when there are no errors: a build into a folder of its own (`dist-check/`, or
 *    `WAYMARK_OUT`), then every same-site link and `#part` in it, read once by the build itself
 *    (`src/integration/strict.ts`) and reported here. `--no-build`
 *    skips this for a quick pass.
 *
 * Problems are grouped by file, errors first; the exit code is 1 when there is an error.
 * `WAYMARK_CONTENT` and `WAYMARK_BASE` work as for `npm run build`; `--base /waymark/` is the same
 * as `WAYMARK_BASE`, so the links are checked at the address the site will live at.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { stripVTControlCharacters } from 'node:util';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { checkContent } from '../src/contract/load.ts';
import { brandContrast, contrastProblems, contrastTable } from '../src/audits/contrast.ts';
import { featureTraces } from '../src/audits/feature-traces.ts';
import { checkImages } from '../src/audits/images.ts';
import { checkBuiltLinks, type LinkReport, pageSource, type SiteShape } from '../src/audits/links.ts';
import { linkProblems } from '../src/audits/link-problems.ts';
import { linkReportVariable } from '../src/integration/strict.ts';
import { basePath, normaliseBase } from '../src/integration/paths.ts';
import { countProblems, formatProblems, hasErrors, lineOfKey, type Problem } from '../src/contract/problems.ts';
import { readingFormulas, readingReport, readingTable } from '../src/audits/reading-level.ts';
import { SiteSchema } from '../src/contract/site-schema.ts';

// Tests import it from here, where it was first written.
export { linkProblems };

/** The site's folder: the commands run in it (`npm run check`). */
const projectRoot = process.cwd();

export interface CheckOptions {
  contentDir: string;
  /** The site's `public/` folder, as the build uses it. */
  publicDir: string;
  /** Where the check builds the site to test its links. */
  outDir: string;
  base: string;
  /** false: skip the build and the link check. */
  build: boolean;
  colour: boolean;
}

export interface CheckResult {
  text: string;
  errors: number;
  warnings: number;
  /** Same-site links checked, or undefined when they were not. */
  links: number | undefined;
}

export function runCheck(options: CheckOptions): CheckResult {
  const { contentDir, publicDir } = options;
  // Files are named from the folder that holds content/, as a writer sees them: content/site.yaml.
  const root = dirname(contentDir);
  const shown = (file: string) => relative(root, file) || file;
  const report = checkContent(contentDir, root, publicDir);
  const problems = [...report.problems, ...checkImages({ contentDir, publicDir, shown }), ...featureTraces({ contentDir, site: report.site, shown })];

  const siteFile = join(contentDir, 'site.yaml');
  const brand = brandColourIn(siteFile, report.site.brandColour);
  const contrast = brand ? brandContrast(brand) : [];
  // The schema already reports white text on the brand colour (the build stops on it too).
  const schemaSaidTooLight = problems.some((p) => p.file === shown(siteFile) && p.field === 'brandColour');
  const notYetReported = contrast.filter((row) => !(schemaSaidTooLight && row.pair === 'on-brand'));
  problems.push(...contrastProblems(notYetReported, { file: shown(siteFile), line: lineOfKey(siteFile, 'brandColour') }));

  const reading = readingLevel(contentDir, Object.keys(report.site.locales), shown);
  problems.push(...reading.problems);

  const sections: string[] = [];
  sections.push(
    contrast.length
      ? contrastTable(brand!, contrast)
      : `Brand colour: contrast not measured until brandColour in ${shown(siteFile)} is a colour, like "#1f5f7a".`,
  );
  sections.push(reading.table);

  let links: number | undefined;
  let linkNote: string;
  if (!options.build) {
    linkNote = 'not checked (--no-build)';
    sections.push('Links and #parts of pages were not checked (--no-build). Run npm run check without it before you publish.');
  } else if (hasErrors(problems)) {
    linkNote = 'not checked until the errors are fixed';
    sections.push('Links were not checked: the site is built to check them only when there are no errors. Fix the errors, then run npm run check again.');
  } else {
    const site: SiteShape = { contentDir, base: options.base, defaultLocale: report.site.defaultLocale, locales: Object.keys(report.site.locales) };
    const build = buildSite(options);
    if (build.ok) {
      const result = build.links;
      problems.push(...linkProblems(result.broken, result.pages, site, shown));
      links = result.checked;
      linkNote = `${result.checked} checked`;
    } else {
      problems.push(buildProblem(build.output, site, shown));
      linkNote = 'not checked: the site could not be built';
    }
  }

  const text = formatProblems(problems, {
    heading: `Waymark checked ${shown(contentDir)}/`,
    errorsFirst: true,
    sections,
    summary: `Links: ${linkNote}.`,
    colour: options.colour,
  });
  return { text, ...countProblems(problems), links };
}

/** The brand colour as written (the checked settings fall back to the default when it is wrong). */
function brandColourIn(siteFile: string, checked: string): string | undefined {
  if (!existsSync(siteFile)) return checked;
  try {
    const raw = parseYaml(readFileSync(siteFile, 'utf8')) as Record<string, unknown> | null;
    if (raw && typeof raw.brandColour === 'string') return raw.brandColour;
    return raw && 'brandColour' in raw ? undefined : SiteSchema.parse({}).brandColour;
  } catch {
    return undefined; // the content check reports a file that cannot be read
  }
}

const readingLimit = 9;

function readingLevel(contentDir: string, locales: string[], shown: (f: string) => string): { table: string; problems: Problem[] } {
  const measured = locales.filter((locale) => locale in readingFormulas);
  const others = locales.filter((locale) => !(locale in readingFormulas));
  const parts = measured.map((locale) => readingLevelOf(contentDir, locale, shown));
  const notMeasured = others.length
    ? [`Reading level of ${others.join(', ')}: not measured (there is no formula for ${others.length === 1 ? 'that language' : 'those languages'} here).`]
    : [];
  return { table: [...parts.map((part) => part.table), ...notMeasured].join('\n\n'), problems: parts.flatMap((part) => part.problems) };
}

function readingLevelOf(contentDir: string, locale: string, shown: (f: string) => string): { table: string; problems: Problem[] } {
  const formula = readingFormulas[locale]!;
  const language = new Intl.DisplayNames(['en'], { type: 'language' }).of(locale) ?? locale;
  const heading = `Reading level of the ${language} pages (${formula.name}). Aim for 7 or lower, and no page above ${readingLimit}.`;
  if (!existsSync(join(contentDir, 'modules', locale))) return { table: `${heading}\n  No ${language} modules to measure.`, problems: [] };
  let report;
  try {
    report = readingReport(contentDir, locale);
  } catch {
    return { table: `${heading}\n  Not measured: fix the problems above first.`, problems: [] };
  }
  if (report.pages.length === 0) return { table: `${heading}\n  No ${language} words to measure yet.`, problems: [] };
  const problems = report.pages
    .filter((page) => page.grade > readingLimit)
    .map((page): Problem => ({
      file: shown(join(contentDir, page.file)),
      problem: `is hard to read: ${formula.name} ${page.grade.toFixed(1)}, above the limit of ${readingLimit} (aim for 7 or lower)`,
      fix: 'Use shorter sentences and everyday words, one idea a sentence. Split long paragraphs and lists of long items.',
      severity: 'warning',
    }));
  const table = readingTable(report)
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
  return { table: `${heading}\n${table}`, problems };
}

/** Builds the site; the build checks its links once, as every build does, and hands them over (`linkReportVariable`). */
function buildSite({ contentDir, outDir, base }: CheckOptions): { ok: true; links: LinkReport } | { ok: false; output: string } {
  if (process.stderr.isTTY) process.stderr.write('Building the site to check its links…\n');
  // Astro's cache for this output folder (astro.config.mjs names it after the folder) can hold
  // pages of another content folder, which breaks the build; it saves no time here, so start clean.
  rmSync(join(projectRoot, 'node_modules', '.astro', basename(outDir)), { recursive: true, force: true });
  const links = join(dirname(outDir), `${basename(outDir)}-links.json`);
  rmSync(links, { force: true });
  const astro = join(dirname(createRequire(join(projectRoot, 'package.json')).resolve('astro/package.json')), 'bin', 'astro.mjs');
  const build = spawnSync(process.execPath, [astro, 'build'], {
    cwd: projectRoot,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', WAYMARK_CONTENT: contentDir, WAYMARK_OUT: outDir, WAYMARK_BASE: base, [linkReportVariable]: links },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (build.status === 0) {
    // A build by another engine version, that wrote no report: the links are read here instead.
    const report = existsSync(links) ? (JSON.parse(readFileSync(links, 'utf8')) as LinkReport) : checkBuiltLinks(outDir, base);
    rmSync(links, { force: true });
    return { ok: true, links: report };
  }
  return { ok: false, output: `${build.stdout ?? ''}\n${build.stderr ?? ''}\n${build.error?.message ?? ''}` };
}

/** A build that stopped although every check passed: its message, without the stack trace. */
export function buildProblem(output: string, site: SiteShape, shown: (f: string) => string): Problem {
  const lines = stripVTControlCharacters(output)
    .split('\n')
    .map((line) => line.replace(/^\d\d:\d\d:\d\d\s+/, '').trim())
    .filter(Boolean);
  const rendering = lines.map((line) => /Caught error rendering (\S+?):? (.*)$/.exec(line)).find(Boolean);
  const untagged = (line: string) => line.replace(/^(\[[\w:-]+\]:?\s*)+/, '');
  let at = lines.findIndex((line) => line.includes('[ERROR]'));
  if (at < 0) at = lines.findIndex((line) => /error|failed/i.test(line));
  // "✗ Build failed in 2s" says only that it failed: the reason is on the lines after it.
  if (at >= 0 && /Build failed/.test(lines[at]!) && lines[at + 1]) at++;
  const message = rendering?.[2] ?? (at >= 0 ? untagged(lines[at]!) : 'no reason was given');
  const page = rendering?.[1];
  const source = page ? pageSource(page, site) : undefined;
  const mentioned = new RegExp(`${RegExp.escape(site.contentDir)}/([^\\s:]+)(?::(\\d+))?`).exec(output);
  const notDefined = /(\w+) is not defined/.exec(message);
  return {
    file: source ? shown(source) : mentioned ? shown(join(site.contentDir, mentioned[1]!)) : page ? `the page ${page}` : 'the build',
    line: !source && mentioned?.[2] ? Number(mentioned[2]) : undefined,
    problem: `stopped the build of the site${source ? ` (the page ${page})` : ''}: ${message}`,
    fix: notDefined
      ? `In MDX, curly brackets hold code, so {${notDefined[1]}} is read as code. To show a curly bracket in the text, write \\{ instead of {.`
      : "Fix this, then run npm run check again. If the message is not about your content, run npm run build to see it in full, and ask whoever looks after your site's code.",
    severity: 'error',
  };
}

const usage = `Usage: npm run check [-- --no-build]

Checks everything in content/ and prints one report: mistakes in settings and pages, pictures
without words, the brand colour's contrast, links that lead nowhere and how easy the pages are to read.
  --no-build        a quick pass: do not build the site, so links are not checked
  --base /waymark/  check the links of the site built to live at that path, as you will publish it`;

export interface CheckArgs {
  build: boolean;
  /** The site's path, from `--base /waymark/` (or `--base=/waymark/`); otherwise WAYMARK_BASE's, or /. */
  base: string;
  help: boolean;
  /** Words the command does not know, to name in the message. */
  unknown: string[];
}

export function parseCheckArgs(args: readonly string[], defaultBase = basePath): CheckArgs {
  const parsed: CheckArgs = { build: true, base: defaultBase, help: false, unknown: [] };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--no-build') parsed.build = false;
    else if (arg === '--help' || arg === '-h') parsed.help = true;
    else if (arg.startsWith('--base=')) parsed.base = normaliseBase(arg.slice('--base='.length));
    else if (arg === '--base' && args[i + 1] && !args[i + 1]!.startsWith('--')) parsed.base = normaliseBase(args[++i]!);
    else parsed.unknown.push(arg);
  }
  return parsed;
}

if (import.meta.main) {
  const args = parseCheckArgs(process.argv.slice(2));
  const { unknown } = args;
  if (unknown.length || args.help) {
    if (unknown.length) console.error(`npm run check does not know ${unknown.join(' ')}.\n`);
    console.log(usage);
    process.exitCode = unknown.length ? 2 : 0;
  } else {
    const result = runCheck({
      contentDir: resolve(process.env.WAYMARK_CONTENT ?? join(projectRoot, 'content')),
      publicDir: join(projectRoot, 'public'),
      outDir: resolve(process.env.WAYMARK_OUT ?? join(projectRoot, 'dist-check')),
      base: args.base,
      build: args.build,
      colour: true,
    });
    console.log(result.text);
    process.exitCode = result.errors ? 1 : 0;
  }
}
