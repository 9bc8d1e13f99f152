/**
 * `<Checklist>` (tick what applies) and `<Choices>` (pick cards) share a folder: the same saved
 * value (`value.ts`), the same island and the same answer in My plan; only the way the items look differs.
 */
import { defineToolKind } from '../kind.ts';

export const checklist = defineToolKind({
  kind: 'checklist',
  component: 'Checklist',
  island: 'pick-items/PickItems',
  items: 'items to tick',
  attributes: {},
});

export const choices = defineToolKind({
  kind: 'choices',
  component: 'Choices',
  island: 'pick-items/PickItems',
  items: 'choices',
  attributes: {},
});
