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

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}

/** One report, grouped by file, in the order the files were read. */
export function formatProblems(problems: readonly Problem[]): string {
  if (problems.length === 0) return 'Waymark checked content/: no problems found.';
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  const counts = [plural(errors, 'problem'), warnings ? plural(warnings, 'warning') : '']
    .filter(Boolean)
    .join(' and ');
  const lines = [`Waymark found ${counts} in content/. Nothing else needs to change to fix them.`];
  const byFile = Map.groupBy(problems, (p) => p.file);
  for (const [file, fileProblems] of byFile) {
    lines.push('', file);
    for (const p of fileProblems) {
      const where = p.line ? `line ${p.line}: ` : '';
      const mark = p.severity === 'error' ? '✗' : '!';
      const subject = p.field ? `${p.field} ${p.problem}` : p.problem;
      lines.push(`  ${mark} ${where}${subject}.`, `    How to fix: ${p.fix}`);
    }
  }
  return lines.join('\n');
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
