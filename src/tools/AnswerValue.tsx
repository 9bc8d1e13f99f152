/**
 * A saved answer as My plan and End the session show it, in its kind's own view
 * (`src/tools/<island>Answer.tsx`). The registry names each kind's view rather than importing it:
 * the registry is also read in plain Node, which cannot load React components.
 */
import type { ComponentType } from 'react';
import type { StoredRecord } from '../device/schema';
import { toolKindList, toolKinds } from './registry';
import type { AnswerProps, ToolDefinition } from './tool';

// Each file is typed for its own kinds; the registry is what pairs a kind with its file.
const views = import.meta.glob<ComponentType<AnswerProps>>('./*/*Answer.tsx', { eager: true, import: 'default' });
const viewOf = (island: string) => views[`./${island}Answer.tsx`];

// Said when the site is built (My plan is rendered on the server first); the browser's copy leaves it out.
if (import.meta.env.SSR) {
  for (const { kind, island } of toolKindList) {
    if (!viewOf(island)) throw new Error(`Waymark: the tool kind "${kind}" has no src/tools/${island}Answer.tsx to show its answers.`);
  }
}

interface Props {
  tool: ToolDefinition;
  record: StoredRecord;
  labels: Record<string, string>;
  locale: string;
}

export function AnswerValue({ tool, record, labels, locale }: Props) {
  const View = viewOf(toolKinds[record.kind].island)!;
  return <View tool={tool} value={record.value} labels={labels} locale={locale} />;
}
