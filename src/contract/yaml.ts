/** Reads YAML (site.yaml, frontmatter, strings) and checks it against a schema, with lines for every mistake. */
import type { z } from 'astro/zod';
import { LineCounter, parseDocument, type Document } from 'yaml';
import { explainIssues, type FixHints } from './explain.ts';
import type { Problem } from './problems.ts';

export interface ParsedYaml {
  data: unknown;
  document: Document;
  lineCounter: LineCounter;
  lineOffset: number;
}

export function readYaml(text: string, file: string, lineOffset: number, problems: Problem[]): ParsedYaml | undefined {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false });
  // One YAML mistake often causes several errors after it: the first is the one to fix.
  const [error] = document.errors;
  if (error) {
    problems.push({
      file,
      line: lineCounter.linePos(error.pos[0]).line + lineOffset,
      problem: `cannot be read: ${yamlErrorInWords(error.code)}`,
      fix: 'Check the spaces at the start of this line and the one above, and put text that has a colon (:) or # in quotes.',
      severity: 'error',
    });
    return undefined;
  }
  return { data: document.toJS(), document, lineCounter, lineOffset };
}

function yamlErrorInWords(code: string): string {
  const words: Record<string, string> = {
    BAD_INDENT: 'the indentation (spaces at the start of the line) does not line up',
    BLOCK_AS_IMPLICIT_KEY: 'a line is indented in a way YAML does not allow',
    MISSING_CHAR: 'a quote or bracket is not closed',
    MULTILINE_IMPLICIT_KEY: 'a value runs over more than one line',
    DUPLICATE_KEY: 'the same setting appears twice',
    UNEXPECTED_TOKEN: 'there is a character YAML did not expect',
    TAB_AS_INDENT: 'a tab is used for indentation; use spaces',
  };
  return words[code] ?? `a YAML syntax error (${code})`;
}

export function validate<T extends z.ZodType>(
  schema: T,
  data: unknown,
  context: ParsedYaml & { file: string; hints: FixHints },
  problems: Problem[],
): z.output<T> | undefined {
  const result = schema.safeParse(data, { reportInput: true });
  if (result.success) return result.data;
  problems.push(...explainIssues(result.error.issues, { ...context, schema }));
  return undefined;
}
