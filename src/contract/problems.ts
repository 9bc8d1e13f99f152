import { existsSync, readFileSync } from 'node:fs';
import { styleText } from 'node:util';

/**
 * A problem in `content/`, written for the person who will fix it: usually someone at a service
 * editing YAML or MDX, who should read the message and know exactly what to change.
 */
export interface Problem {
  /** The file, relative to the project (`content/site.yaml`). */
  file: string;
  /** 1-based line in that file, when known. */
  line?: number | undefined;
  /** The setting or frontmatter field, in words (`help → en → contacts → item 1 → web`). */
  field?: string | undefined;
  /** What is wrong, as the end of a sentence that starts with the field. */
  problem: string;
  /** How to fix it, as one instruction. */
  fix: string;
  /** Errors stop the build; warnings are printed and the build goes on. */
  severity: 'error' | 'warning';
}

const isError = (p: Problem) => p.severity === 'error';

/** The line of `file` that starts with `key:` (a setting in YAML, a frontmatter field), for a problem's `line`. */
export function lineOfKey(file: string, key: string): number | undefined {
  if (!existsSync(file)) return undefined;
  const index = readFileSync(file, 'utf8')
    .split('\n')
    .findIndex((line) => line.startsWith(`${key}:`));
  return index >= 0 ? index + 1 : undefined;
}

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some(isError);
}

/** Styles a piece of the report for a terminal, as `node:util`'s `styleText` does. */
type Paint = (format: Parameters<typeof styleText>[0], text: string) => string;

export interface ReportOptions {
  /** The first line; by default it counts the problems, or says there are none. */
  heading?: string | undefined;
  /** Files with an error first, and errors before warnings in each; by default the order they were read. */
  errorsFirst?: boolean | undefined;
  /** More paragraphs after the problems (`npm run check`'s tables). */
  sections?: readonly string[] | undefined;
  /** Ends the report with a line counting errors, warnings and files, then this (`Links: 120 checked.`). */
  summary?: string | undefined;
  /** Colours and bold for a terminal on stdout (left out when it is not one, or NO_COLOR is set). */
  colour?: boolean | undefined;
}

/** One report, grouped by file: the build's (in the order the files were read) and `npm run check`'s. */
export function formatProblems(problems: readonly Problem[], options: ReportOptions = {}): string {
  const paint: Paint = options.colour ? (format, text) => styleText(format, text, { stream: process.stdout }) : (_format, text) => text;
  const { errors, warnings } = countProblems(problems);
  const byFile = [...Map.groupBy(problems, (p) => p.file)];
  if (options.errorsFirst) {
    const errorsBefore = (a: boolean, b: boolean) => Number(b) - Number(a);
    for (const [, fileProblems] of byFile) fileProblems.sort((a, b) => errorsBefore(isError(a), isError(b)));
    byFile.sort(([, a], [, b]) => errorsBefore(a.some(isError), b.some(isError)));
  }

  const lines = [options.heading === undefined ? heading(errors, warnings) : paint('bold', options.heading)];
  for (const [file, fileProblems] of byFile) {
    lines.push('', paint('bold', file));
    for (const p of fileProblems) {
      const where = p.line ? `line ${p.line}: ` : '';
      const mark = isError(p) ? paint('red', '✗') : paint('yellow', '!');
      const subject = p.field ? `${p.field} ${p.problem}` : p.problem;
      lines.push(`  ${mark} ${where}${subject}${/[.?!]$/.test(subject) ? '' : '.'}`, `    How to fix: ${p.fix}`);
    }
  }
  for (const section of options.sections ?? []) lines.push('', section);
  if (options.summary !== undefined) {
    const counts = problems.length
      ? `${plural(errors, 'error')} and ${plural(warnings, 'warning')} in ${plural(byFile.length, 'file')}.`
      : 'No problems found.';
    lines.push('', paint(['bold', errors ? 'red' : warnings ? 'yellow' : 'green'], `${counts} ${options.summary}`));
  }
  return lines.join('\n');
}

export function countProblems(problems: readonly Problem[]): { errors: number; warnings: number } {
  const errors = problems.filter(isError).length;
  return { errors, warnings: problems.length - errors };
}

function heading(errors: number, warnings: number): string {
  if (errors + warnings === 0) return 'Waymark checked content/: no problems found.';
  const counts = [plural(errors, 'problem'), warnings ? plural(warnings, 'warning') : ''].filter(Boolean).join(' and ');
  return `Waymark found ${counts} in content/. Nothing else needs to change to fix them.`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
