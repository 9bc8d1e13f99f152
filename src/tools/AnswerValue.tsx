/**
 * A saved answer as My plan and End the session show it, in its kind's own view: the
 * `*Answer.tsx` in its folder, which says the kinds it shows (`View.kinds = …`). The view is
 * found by that, not by the registry's island: the registry is the build's, never sent to the page.
 */
import type { ComponentType } from 'react';
import type { StoredRecord } from '../device/schema';
import type { AnswerProps, ToolDefinition } from './tool';
import { type ToolKind, toolValues } from './values';

// Each file is typed for its own kinds, which it lists; that list is what pairs a kind with its file.
type AnswerView = ComponentType<AnswerProps> & { kinds: readonly ToolKind[] };
const views = Object.values(import.meta.glob<AnswerView>('./*/*Answer.tsx', { eager: true, import: 'default' }));
const viewOf = (kind: ToolKind) => views.find((view) => view.kinds.includes(kind));

// Said when the site is built (My plan is rendered on the server first); the browser's copy leaves it out.
if (import.meta.env.SSR) {
  for (const kind of Object.keys(toolValues) as ToolKind[]) {
    if (!viewOf(kind)) throw new Error(`Waymark: the tool kind "${kind}" has no src/tools/<folder>/*Answer.tsx whose kinds include it to show its answers.`);
  }
}

interface Props {
  tool: ToolDefinition;
  record: StoredRecord;
  labels: Record<string, string>;
  locale: string;
}

export function AnswerValue({ tool, record, labels, locale }: Props) {
  const View = viewOf(record.kind)!;
  return <View tool={tool} value={record.value} labels={labels} locale={locale} />;
}
