/**
 * Turns zod's issues into plain-language problems with a fix line (the way Starlight's
 * `error-map.ts` does), so a service editing YAML never meets a stack trace.
 */
import type { z } from 'astro/zod';
import { type Document, LineCounter } from 'yaml';
import type { Problem } from './problems.ts';

type Issue = z.core.$ZodIssue;
type PathPart = PropertyKey;

/** How to fix a field, keyed by a dotted path where `*` stands for any key or list item. */
export type FixHints = Record<string, string | ((issue: Issue) => string)>;

export interface ExplainContext {
  file: string;
  schema: z.ZodType;
  hints: FixHints;
  /** The parsed YAML, to point at the line of the field. */
  document?: Document;
  lineCounter?: LineCounter;
  /** Lines before the YAML starts in the file (1 for frontmatter after `---`). */
  lineOffset?: number;
}

export function explainIssues(issues: readonly Issue[], context: ExplainContext): Problem[] {
  return issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => explainUnknownKey(issue, key, context));
    }
    const { problem, fix } = describe(issue, context);
    return [{ ...locate(issue.path, context), problem, fix, severity: 'error' as const }];
  });
}

function describe(issue: Issue, context: ExplainContext): { problem: string; fix: string } {
  const hint = findHint(issue, context.hints);
  const key = String(issue.path.at(-1) ?? 'it');
  const input = (issue as { input?: unknown }).input;
  switch (issue.code) {
    case 'invalid_type':
      if (input === undefined) {
        return { problem: 'is missing', fix: hint ?? `Add a line \`${key}: …\`.` };
      }
      return {
        problem: `should be ${expectedInWords(issue.expected)}, but it is ${describeValue(input)}`,
        fix: hint ?? `Change it to ${expectedInWords(issue.expected)}.`,
      };
    case 'invalid_value':
      return {
        problem: `is ${describeValue(input)}, which is not one of the choices`,
        fix: `Use one of: ${issue.values.map(String).join(', ')}.`,
      };
    case 'too_small':
      return { problem: tooSmall(issue, input), fix: hint ?? 'Fill it in.' };
    case 'too_big':
      return { problem: tooBig(issue), fix: hint ?? 'Make it shorter.' };
    default:
      return { problem: issue.message, fix: hint ?? 'Check the value against the example in the default content.' };
  }
}

function explainUnknownKey(issue: Issue, key: string, context: ExplainContext): Problem {
  const known = knownKeys(context.schema, issue.path);
  const guess = closest(key, known);
  const fix = guess
    ? `Did you mean \`${guess}\`? Rename it, or remove the line.`
    : `Remove it, or check its spelling. The settings here are: ${known.join(', ')}.`;
  return {
    ...locate([...issue.path, key], context),
    problem: 'is not a setting Waymark knows',
    fix,
    severity: 'error',
  };
}

function locate(path: readonly PathPart[], context: ExplainContext): Pick<Problem, 'file' | 'line' | 'field'> {
  const field = path.length ? path.map(pathPartInWords).join(' → ') : undefined;
  return { file: context.file, line: lineOf(path, context), field };
}

/** The line of the deepest part of the path that exists in the YAML. */
function lineOf(path: readonly PathPart[], context: ExplainContext): number | undefined {
  const { document, lineCounter } = context;
  if (!document || !lineCounter) return undefined;
  for (let depth = path.length; depth >= 0; depth--) {
    const node = depth === 0 ? document.contents : document.getIn(path.slice(0, depth) as unknown[], true);
    const range = (node as { range?: [number, number, number] } | undefined)?.range;
    if (range) {
      // A key's own line is where its value starts, except for nested blocks: use the key instead.
      const pair = depth > 0 ? findPairKey(document, path.slice(0, depth)) : undefined;
      const offset = pair ?? range[0];
      return lineCounter.linePos(offset).line + (context.lineOffset ?? 0);
    }
  }
  return undefined;
}

function findPairKey(document: Document, path: readonly PathPart[]): number | undefined {
  const parent = path.length > 1 ? document.getIn(path.slice(0, -1) as unknown[], true) : document.contents;
  const items = (parent as { items?: Array<{ key?: { value?: unknown; range?: number[] } }> } | null)?.items;
  const pair = items?.find((item) => item?.key?.value === path.at(-1));
  return pair?.key?.range?.[0];
}

function pathPartInWords(part: PathPart): string {
  return typeof part === 'number' ? `item ${part + 1}` : String(part);
}

function findHint(issue: Issue, hints: FixHints): string | undefined {
  const rule = (issue as { params?: { rule?: string } }).params?.rule;
  const candidates = [rule ? `rule:${rule}` : '', pathPattern(issue.path)];
  for (const candidate of candidates) {
    const hint = hints[candidate];
    if (hint) return typeof hint === 'function' ? hint(issue) : hint;
  }
  return undefined;
}

/** `help.en.contacts.0.web` becomes `help.*.contacts.*.web` for record keys and list items. */
function pathPattern(path: readonly PathPart[]): string {
  return path.map((part, i) => (typeof part === 'number' || isRecordKey(path, i) ? '*' : String(part))).join('.');
}

// Records in our schemas are keyed by language code; only those keys are variable.
const recordParents = new Set(['locales', 'help']);
function isRecordKey(path: readonly PathPart[], index: number): boolean {
  return index > 0 && index === 1 && recordParents.has(String(path[0]));
}

function expectedInWords(expected: string): string {
  const words: Record<string, string> = {
    string: 'text',
    number: 'a number',
    boolean: 'true or false',
    array: 'a list',
    object: 'a group of settings (indented lines under it)',
    record: 'a group of settings (indented lines under it)',
  };
  return words[expected] ?? expected;
}

function describeValue(value: unknown): string {
  if (value === null) return 'empty';
  if (typeof value === 'string') return `the text "${value}"`;
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return `${value}`;
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a group of settings';
  return String(value);
}

function tooSmall(issue: z.core.$ZodIssueTooSmall, input: unknown): string {
  if (issue.origin === 'string') return issue.minimum === 1 ? 'is empty' : `is shorter than ${issue.minimum} characters`;
  if (issue.origin === 'array') return Array.isArray(input) && input.length === 0 ? 'is an empty list' : `needs at least ${issue.minimum} items`;
  return `is ${describeValue(input)}, and the smallest allowed is ${issue.minimum}`;
}

function tooBig(issue: z.core.$ZodIssueTooBig): string {
  if (issue.origin === 'string') return `is longer than ${issue.maximum} characters`;
  if (issue.origin === 'array') return `has more than ${issue.maximum} items`;
  return `is more than ${issue.maximum}`;
}

/** The keys an object schema accepts at `path`, following records, lists, defaults and refinements. */
function knownKeys(schema: z.ZodType, path: readonly PathPart[]): string[] {
  let node: unknown = schema;
  for (const part of [...path, null]) {
    node = unwrap(node);
    const def = (node as { _zod: { def: Record<string, unknown> } })._zod.def;
    if (part === null) return def.type === 'object' ? Object.keys(def.shape as object) : [];
    if (def.type === 'object') node = (def.shape as Record<string, unknown>)[String(part)];
    else if (def.type === 'record') node = def.valueType;
    else if (def.type === 'array') node = def.element;
    else return [];
    if (!node) return [];
  }
  return [];
}

function unwrap(node: unknown): unknown {
  let current = node as { _zod: { def: { type: string; innerType?: unknown; in?: unknown } } };
  while (['default', 'optional', 'nullable', 'prefault', 'pipe'].includes(current._zod.def.type)) {
    current = (current._zod.def.innerType ?? current._zod.def.in) as typeof current;
  }
  return current;
}

export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (distance <= Math.max(2, candidate.length / 3) && (!best || distance < best.distance)) {
      best = { candidate, distance };
    }
  }
  return best?.candidate;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

export { LineCounter };
