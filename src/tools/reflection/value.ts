/** What a `<Reflection>` saves: the words as written. */
import * as v from 'valibot';
import { text, type ToolValueDefinition } from '../kind-value.ts';

const value = v.strictObject({ text: text(20_000) });

export const reflection = {
  value,
  hasAnswer: (saved) => saved.text.trim() !== '',
} satisfies ToolValueDefinition<typeof value>;
