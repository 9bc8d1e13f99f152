/**
 * Checks the tools placed in module pages (`<Reflection>`, `<CheckIn>`, …) and turns them into
 * the catalogue My plan is built from. A person's answers are saved under a tool's `id`, so every
 * tool needs one, and no two tools in one language may share it.
 */
import type { ChoiceAttribute } from '../tools/kind.ts';
import { kindOfComponent } from '../tools/registry.ts';
import type { ToolDefinition } from '../tools/tool.ts';
import { closest } from './explain.ts';
import type { ToolUse } from './mdx-check.ts';
import type { Problem } from './problems.ts';

// Every tool takes these; a kind's own attributes, and how each is checked, are in its definition (src/tools/<kind>/).
const commonAttributes = ['id', 'prompt', 'hint'];
const idPattern = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export interface ToolPlace {
  file: string;
  locale: string;
  module: string;
  step: string;
}

export function toolDefinition(use: ToolUse, place: ToolPlace, problems: Problem[]): ToolDefinition | undefined {
  const { component, attributes, items, line } = use;
  const report = (field: string | undefined, problem: string, fix: string) => problems.push({ file: place.file, line, field, problem, fix, severity: 'error' });
  const before = problems.length;
  const kind = kindOfComponent(component);
  const understood = [...commonAttributes, ...Object.keys(kind.attributes)];

  for (const name of Object.keys(attributes)) {
    if (understood.includes(name)) continue;
    const guess = closest(name, understood);
    report(name, `is not something <${component}> understands`, guess ? `Did you mean ${guess}?` : `Use only: ${understood.join(', ')}.`);
  }
  const { id, prompt = '' } = attributes;
  if (!id) {
    report(
      undefined,
      `<${component}> has no id, so what people write in it could not be saved`,
      `Add id="…" with a short name no other tool uses, like <${component} id="what-helps-me" …>.`,
    );
  } else if (!idPattern.test(id)) {
    report('id', `"${id}" cannot be used as a tool id`, 'Use only lower-case letters, digits and single dashes, like id="what-helps-me".');
  }
  if (!prompt.trim() && !kind.promptOptional) {
    report('prompt', `of <${component}> is missing`, `Add the question or invitation people answer, like prompt="What helps you, even a little?".`);
  }
  const itemsNeeded = kind.items;
  if (itemsNeeded && items.length === 0) {
    report(
      undefined,
      `<${component}> has no ${itemsNeeded}`,
      `Put a Markdown list inside it, one ${itemsNeeded.replace(/s$/, '').replace(/ies$/, 'y')} a line:\n      <${component} id="…">\n      - First one\n      - Second one\n      </${component}>`,
    );
  }
  const chosen = kindAttributes(component, kind.attributes, attributes, report);
  if (problems.length > before || !id) return undefined;
  return { id, kind: kind.kind, locale: place.locale, module: place.module, step: place.step, prompt: prompt.trim(), items, ...chosen };
}

type KindAttributes = Omit<ToolDefinition, 'id' | 'kind' | 'locale' | 'module' | 'step' | 'prompt' | 'items'>;

/** A kind's own attributes (`scale`, `section`): each one of its choices, or its default. */
function kindAttributes(
  component: string,
  own: Record<string, ChoiceAttribute>,
  attributes: Record<string, string>,
  report: (field: string, problem: string, fix: string) => void,
): KindAttributes {
  const chosen: Record<string, string> = {};
  for (const [name, attribute] of Object.entries(own)) {
    const value = attributes[name] ?? attribute.default;
    if (value !== undefined && attribute.choices.includes(value)) chosen[name] = value;
    else report(name, !value && attribute.default === undefined ? `of <${component}> is missing` : `is "${value}", ${attribute.wrong}`, attribute.fix);
  }
  // Each value has just been found among its attribute's choices, which is what the type says.
  return chosen as KindAttributes;
}

/** Two tools in the same language with the same id would save into each other. */
export function duplicateToolProblems(tools: Array<ToolDefinition & { file: string; line: number | undefined }>): Problem[] {
  const problems: Problem[] = [];
  const seen = new Map<string, { file: string; line: number | undefined }>();
  for (const tool of tools) {
    const key = `${tool.locale}/${tool.id}`;
    const first = seen.get(key);
    if (!first) {
      seen.set(key, tool);
      continue;
    }
    problems.push({
      file: tool.file,
      line: tool.line,
      field: 'id',
      problem: `"${tool.id}" is also used by a tool in ${first.file}${first.line ? ` (line ${first.line})` : ''}, so their answers would be saved into each other`,
      fix: 'Give one of them a different id. If people already use the site, change the newer one: answers are saved under the id.',
      severity: 'error',
    });
  }
  return problems;
}
