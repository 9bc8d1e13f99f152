/** What a `<CheckIn>` saves: one entry per day, so a history builds up. */
import * as v from 'valibot';
import { type ToolValueDefinition, whole } from '../kind-value.ts';

const value = v.strictObject({
  /** One entry per day: rating again on the same day replaces that day's answers. */
  entries: v.pipe(
    v.array(
      v.strictObject({
        date: v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/)),
        /** One rating per question, in the order the questions are asked (null: skipped). */
        ratings: v.pipe(v.array(v.nullable(whole(0, 10))), v.maxLength(20)),
      }),
    ),
    v.maxLength(5_000),
  ),
});

export const checkin = {
  value,
  hasAnswer: (saved) => saved.entries.length > 0,
} satisfies ToolValueDefinition<typeof value>;
