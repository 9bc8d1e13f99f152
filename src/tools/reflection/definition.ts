/** `<Reflection>`: a prompt and a box to write in. */
import * as v from 'valibot';
import { defineToolKind, text } from '../kind.ts';

export const reflection = defineToolKind({
  kind: 'reflection',
  component: 'Reflection',
  island: 'reflection/Reflection',
  attributes: {},
  value: v.strictObject({ text: text(20_000) }),
  hasAnswer: (value) => value.text.trim() !== '',
});
