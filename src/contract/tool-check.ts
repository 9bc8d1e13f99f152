/**
 * Checks the tools placed in module pages (`<Reflection>`, `<CheckIn>`, …) and turns them into
 * the catalogue My plan is built from. A person's answers are saved under a tool's `id`, so every
 * tool needs one, and no two tools in one language may share it.
 */
import { planSections, type ToolComponent, toolComponents, type ToolDefinition } from '../mdx/vocabulary.ts';
import { closest } from './explain.ts';
import type { ToolUse } from './mdx-check.ts';
import type { Problem } from './problems.ts';

const commonAttributes = ['id', 'prompt', 'hint'];
const attributesOf: Record<ToolComponent, string[]> = {
  Reflection: commonAttributes,
  CheckIn: [...commonAttributes, 'scale'],
  Checklist: commonAttributes,
  Choices: commonAttributes,
  PlanList: [...commonAttributes, 'section'],
};
const needsItems: Partial<Record<ToolComponent, string>> = {
  CheckIn: 'questions',
  Checklist: 'items to tick',
  Choices: 'choices',
};
const idPattern = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export interface ToolPlace {
  file: string;
  locale: string;
  module: string;
  step: string;
}

export function toolDefinition(use: ToolUse, place: ToolPlace, problems: Problem[]): ToolDefinition | undefined {
  const { component, attributes, items, line } = use;
  const report = (field: string | undefined, problem: string, fix: string) =>
    problems.push({ file: place.file, line, field, problem, fix, severity: 'error' });
  const before = problems.length;

  for (const name of Object.keys(attributes)) {
    if (attributesOf[component].includes(name)) continue;
    const guess = closest(name, attributesOf[component]);
    report(name, `is not something <${component}> understands`, guess ? `Did you mean ${guess}?` : `Use only: ${attributesOf[component].join(', ')}.`);
  }
  const { id, prompt = '', scale = 'words', section } = attributes;
  if (!id) {
    report(
      undefined,
      `<${component}> has no id, so what people write in it could not be saved`,
      `Add id="…" with a short name no other tool uses, like <${component} id="what-helps-me" …>.`,
    );
  } else if (!idPattern.test(id)) {
    report('id', `"${id}" cannot be used as a tool id`, 'Use only lower-case letters, digits and single dashes, like id="what-helps-me".');
  }
  if (!prompt.trim() && component !== 'CheckIn') {
    report('prompt', `of <${component}> is missing`, `Add the question or invitation people answer, like prompt="What helps you, even a little?".`);
  }
  const itemsNeeded = needsItems[component];
  if (itemsNeeded && items.length === 0) {
    report(
      undefined,
      `<${component}> has no ${itemsNeeded}`,
      `Put a Markdown list inside it, one ${itemsNeeded.replace(/s$/, '').replace(/ies$/, 'y')} a line:\n      <${component} id="…">\n      - First one\n      - Second one\n      </${component}>`,
    );
  }
  if (component === 'CheckIn' && scale !== 'words' && scale !== '0-10') {
    report('scale', `is "${scale}", which is not one of the choices`, 'Use scale="words" (five steps from "Very hard" to "Very good") or scale="0-10".');
  }
  if (component === 'PlanList' && !planSections.includes(section as never)) {
    report(
      'section',
      section ? `is "${section}", which is not a part of the plan` : 'of <PlanList> is missing',
      `Use one of: ${planSections.map((s) => `section="${s}"`).join(', ')}.`,
    );
  }
  if (problems.length > before || !id) return undefined;
  return {
    id,
    kind: toolComponents[component],
    locale: place.locale,
    module: place.module,
    step: place.step,
    prompt: prompt.trim(),
    items,
    ...(component === 'CheckIn' ? { scale: scale as 'words' | '0-10' } : {}),
    ...(component === 'PlanList' ? { section: section as ToolDefinition['section'] } : {}),
  };
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
