/**
 * The words of a saved answer as text: one short line for a preview of what a file or link would
 * add (what was written, ticked or listed; for a check-in, on how many days), or all of it, line
 * by line, for the page a person takes home.
 */
import { checkIns } from 'virtual:waymark/features';
import type { StoredRecord } from '../../device/schema';
import { scaleSteps } from '../../tools/checkin/scale';
import { fill, formatDay } from '../../tools/labels';
import { entryDate, newestFirst } from '../../tools/next-steps/dates';
import type { ToolDefinition } from '../../tools/tool';

/** Longer writing is cut here in a preview: the whole of it is added, and shown in My plan. */
const longest = 300;

export function answerWords(record: StoredRecord, labels: Record<string, string>): string {
  const words = (() => {
    switch (record.kind) {
      case 'reflection':
        return record.value.text.trim();
      case 'checklist':
      case 'choices':
        return record.value.selected.join(', ');
      case 'planlist':
        return record.value.items.join(', ');
      case 'checkin':
        // With check-ins switched off in site.yaml, `checkIns` is false and this line is dropped.
        return checkIns ? fill(labels['checkin.imported'] ?? '{count}', { count: record.value.entries.length }) : '';
      case 'nextsteps':
        return newestFirst(record.value.entries)
          .map((entry) => entry.words)
          .join(', ');
    }
  })();
  return words.length > longest ? `${words.slice(0, longest).trimEnd()}…` : words;
}

/**
 * All the words of a saved answer, line by line, for the page a person takes home: nothing cut,
 * dates written the page's way, a check-in's answers in its own words.
 */
export function answerLines(record: StoredRecord, tool: ToolDefinition, labels: Record<string, string>, locale: string): string[] {
  switch (record.kind) {
    case 'reflection':
      return [record.value.text.trim()];
    case 'checklist':
    case 'choices':
      return record.value.selected;
    case 'planlist':
      return record.value.items;
    case 'checkin': {
      if (!checkIns) return [];
      const steps = scaleSteps(tool.scale, labels);
      const questions = tool.items.length ? tool.items : [tool.prompt];
      const said = (rating: number | null) => steps.find((step) => step.value === rating)?.label ?? labels['checkin.noAnswer'] ?? '';
      return record.value.entries.map(
        (entry) => `${formatDay(entry.date, locale)}: ${questions.map((question, index) => `${question} ${said(entry.ratings[index] ?? null)}`).join('; ')}`,
      );
    }
    case 'nextsteps':
      return newestFirst(record.value.entries).map((entry) =>
        [`${entryDate(entry.at, locale)}: ${entry.words}`, entry.worker ? fill(labels['next.fromWorker'] ?? '{words}', { words: entry.worker }) : '']
          .filter(Boolean)
          .join('\n'),
      );
  }
}
