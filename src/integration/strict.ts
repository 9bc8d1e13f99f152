/**
 * One strictness for `npm run build` and `npm run check`: what the check calls an error stops the
 * build too, in the same words (file, line, fix). Pictures are checked with the content, before
 * anything is built (`content-gate.ts`); links and `#parts` here, once the pages are written, by
 * reading the built HTML once. `strict: false` in site.yaml (for drafts) prints them as warnings.
 */
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { AstroError } from 'astro/errors';
import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { linkProblems } from '../audits/link-problems.ts';
import { checkBuiltLinks } from '../audits/links.ts';
import { countProblems, formatProblems, type Problem } from '../contract/problems.ts';
import type { SiteConfig } from '../contract/site-schema.ts';

/**
 * Set by `npm run check` to a file: the build writes its link report there and leaves judging it to
 * the check, so the links are read once and the check's report stays as it is.
 */
export const linkReportVariable = 'WAYMARK_LINK_REPORT';

/** With `strict: false`, errors become warnings: the site still builds. */
export function relaxed(problems: readonly Problem[], strict: boolean): Problem[] {
  return strict ? [...problems] : problems.map((problem) => ({ ...problem, severity: 'warning' }));
}

/**
 * Prints the plain report, then stops when it has errors. The report is printed by the logger, not
 * as the error's message: Astro reads a message as Markdown, and `![words](/media/lake.jpg)` in a
 * fix would lose its brackets.
 */
export function enforce(problems: readonly Problem[], logger: AstroIntegrationLogger, hint: string): void {
  if (!problems.length) return;
  const { errors } = countProblems(problems);
  if (!errors) {
    logger.warn(`\n${formatProblems(problems)}`);
    return;
  }
  logger.error(`\n${formatProblems(problems)}`);
  const error = new AstroError(`Waymark stopped the build: ${errors === 1 ? 'a problem' : `${errors} problems`} to fix, listed above.`, hint);
  error.name = 'Waymark';
  // A service reading this edits YAML or MDX: the report is the whole story, a stack trace is noise.
  error.stack = '';
  throw error;
}

export interface StrictLinksOptions {
  site: () => SiteConfig;
  contentDir: string;
  /** The project's folder: files are named from it, as the content gate names them. */
  root: string;
  base: string;
}

/** After the build: every same-site link and `#part` of every page leads somewhere. */
export function strictLinks({ site, contentDir, root, base }: StrictLinksOptions): AstroIntegration {
  return {
    name: 'waymark:links',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const started = performance.now();
        const report = checkBuiltLinks(fileURLToPath(dir), base);
        const handOver = process.env[linkReportVariable];
        if (handOver) {
          writeFileSync(handOver, JSON.stringify(report));
          return;
        }
        const { defaultLocale, locales, strict } = site();
        const shape = { contentDir, base, defaultLocale, locales: Object.keys(locales) };
        const problems = linkProblems(report.broken, report.pages, shape, (file) => relative(root, file) || file);
        logger.info(`${report.checked} links checked in ${Math.round(performance.now() - started)} ms`);
        enforce(relaxed(problems, strict), logger, 'Fix the lines above in your content folder, then build again.');
      },
    },
  };
}
