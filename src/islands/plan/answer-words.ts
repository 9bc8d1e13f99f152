/**
 * The words of a saved answer as one short line of text, for a preview of what a file or link
 * would add: what was written, ticked or listed; for a check-in, on how many days.
 */
import { checkIns } from 'virtual:waymark/features';
import type { StoredRecord } from '../../device/schema';
import { fill } from '../../tools/labels';

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
    }
  })();
  return words.length > longest ? `${words.slice(0, longest).trimEnd()}…` : words;
}
