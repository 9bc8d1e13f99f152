/**
 * Checks the body of an `.mdx` file before Astro compiles it: that it can be read, that it only
 * uses components Waymark has, and that nothing in it would run as code, send readers elsewhere or
 * load from another website (`mdx-safety.ts`).
 */
import { mdxToMdast } from 'satteri';
import { authorComponents, type ToolComponent, toolComponents } from '../mdx/vocabulary.ts';
import { closest } from './explain.ts';
import { definitionsIn, unsafeFindings } from './mdx-safety.ts';
import type { Problem } from './problems.ts';

/** What Waymark reads of a node in satteri's MDX tree. */
export interface MdastNode {
  type: string;
  name?: string | null;
  url?: string;
  /** The code of an `import`/`export` line or a `{…}`. */
  value?: string;
  alt?: string | null;
  identifier?: string;
  attributes?: Array<{ type: string; name?: string; value?: unknown }>;
  position?: { start: { line: number } };
  children?: MdastNode[];
}

/** A tool found in a page: its component, its attributes written as plain text, and its list. */
export interface ToolUse {
  component: ToolComponent;
  line: number | undefined;
  attributes: Record<string, string>;
  /** The text of each item of the first Markdown list inside the tool. */
  items: string[];
}

export interface MdxReport {
  problems: Problem[];
  tools: ToolUse[];
}

export function checkMdxBody(body: string, file: string, lineOffset: number): MdxReport {
  let tree: MdastNode;
  try {
    tree = mdxToMdast(body) as MdastNode;
  } catch (error) {
    return { problems: [syntaxProblem(String((error as Error).message), file, lineOffset)], tools: [] };
  }
  const problems: Problem[] = [];
  const tools: ToolUse[] = [];
  const at = (node: MdastNode) => (node.position ? node.position.start.line + lineOffset : undefined);
  const definitions = definitionsIn(tree);
  const visit = (node: MdastNode) => {
    const findings = unsafeFindings(node, definitions);
    const isElement = (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name;
    const unknown = isElement ? unknownComponent(node.name!) : undefined;
    for (const finding of unknown ? [unknown, ...findings] : findings) problems.push({ file, line: at(node), severity: 'error', ...finding });
    // A tool with a refused attribute is reported once, for that attribute, not again as a tool.
    if (isElement && !unknown && !findings.length && node.name! in toolComponents) tools.push(toolUse(node, at(node), file, problems));
    node.children?.forEach(visit);
  };
  visit(tree);
  return { problems, tools };
}

function toolUse(node: MdastNode, line: number | undefined, file: string, problems: Problem[]): ToolUse {
  const attributes: Record<string, string> = {};
  for (const attribute of node.attributes ?? []) {
    if (!attribute.name) continue;
    if (typeof attribute.value === 'string') attributes[attribute.name] = attribute.value;
    else {
      problems.push({
        file,
        line,
        field: attribute.name,
        // `{…}` values are refused by `mdx-safety.ts` before this; what is left is a name with no value.
        problem: `of <${node.name}> has no value`,
        fix: `Write it as plain text in quotes, like: ${attribute.name}="…".`,
        severity: 'error',
      });
    }
  }
  const list = node.children?.find((child) => child.type === 'list');
  const items = (list?.children ?? [])
    .map(textOf)
    .map((text) => text.trim())
    .filter(Boolean);
  return { component: node.name as ToolComponent, line, attributes, items };
}

function textOf(node: MdastNode): string {
  if (node.type === 'text' || node.type === 'inlineCode') return (node as { value?: string }).value ?? '';
  return (node.children ?? []).map(textOf).join(node.type === 'listItem' ? ' ' : '');
}

/** An element named with a capital (a component) that Waymark does not have, with a guess at the one meant. */
function unknownComponent(name: string): Pick<Problem, 'problem' | 'fix'> | undefined {
  if (!/^[A-Z]/.test(name) || (authorComponents as readonly string[]).includes(name)) return undefined;
  const guess = closest(name, authorComponents);
  return {
    problem: `uses <${name}>, which is not a component Waymark has`,
    fix: guess
      ? `Did you mean <${guess}>? The components are: ${authorComponents.map((c) => `<${c}>`).join(', ')}.`
      : `Use one of: ${authorComponents.map((c) => `<${c}>`).join(', ')}, or plain Markdown.`,
  };
}

function syntaxProblem(message: string, file: string, lineOffset: number): Problem {
  const [, line, reason = message] = /^(\d+):\d+: (.*?)(?: \(\d+:\d+\))?(?: \([\w:-]+\))?$/.exec(message) ?? [];
  const unclosedTag = /Expected a closing tag for `<(\w+)>`/.exec(reason);
  const unclosedBrace = /closing brace for `\{`/.test(reason);
  return {
    file,
    line: line ? Number(line) + lineOffset : undefined,
    problem: unclosedTag
      ? `opens <${unclosedTag[1]}> but never closes it`
      : unclosedBrace
        ? 'has a { with no } after it (in MDX, curly brackets hold code)'
        : `cannot be read as MDX: ${reason}`,
    fix: unclosedTag
      ? `Add </${unclosedTag[1]}> where it should end, on a line of its own with an empty line before it.`
      : unclosedBrace
        ? 'To show a curly bracket in the text, write \\{ instead of {.'
        : 'Check the tags (<…>) and curly brackets ({…}) on this line: each one that opens must close.',
    severity: 'error',
  };
}
