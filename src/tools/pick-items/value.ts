/**
 * What a `<Checklist>` and a `<Choices>` save: the same value, what is ticked or picked (the
 * author's items and the person's own), and which are the person's own.
 */
import * as v from 'valibot';
import { list, type ToolValueDefinition } from '../kind-value.ts';

const value = v.strictObject({ selected: list(500), added: list(500) });

export const pickItems = {
  value,
  hasAnswer: (picked) => picked.selected.length > 0 || picked.added.length > 0,
} satisfies ToolValueDefinition<typeof value>;
