/**
 * `<Checklist>` (tick what applies) and `<Choices>` (pick cards) share a folder: the same saved
 * value, the same island and the same answer in My plan; only the way the items look differs.
 */
import * as v from 'valibot';
import { defineToolKind, list } from '../kind.ts';

/** What is ticked or picked (the author's items and the person's own), and which are the person's own. */
const value = v.strictObject({ selected: list(500), added: list(500) });
const hasAnswer = (picked: v.InferOutput<typeof value>) => picked.selected.length > 0 || picked.added.length > 0;

export const checklist = defineToolKind({
  kind: 'checklist',
  component: 'Checklist',
  island: 'pick-items/PickItems',
  items: 'items to tick',
  attributes: {},
  value,
  hasAnswer,
});

export const choices = defineToolKind({
  kind: 'choices',
  component: 'Choices',
  island: 'pick-items/PickItems',
  items: 'choices',
  attributes: {},
  value,
  hasAnswer,
});
