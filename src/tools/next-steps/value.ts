/** What a `<NextSteps>` saves: one dated entry each time the pair agrees a next step. */
import * as v from 'valibot';
import { text, type ToolValueDefinition, whole } from '../kind-value.ts';

const value = v.strictObject({
  /** Every session's entry is kept, so the plan shows what was agreed and when. */
  entries: v.pipe(
    v.array(
      v.strictObject({
        /** When it was saved, in milliseconds since 1970: the date shown, and the order (newest first). */
        at: whole(0, Number.MAX_SAFE_INTEGER),
        /** The person's own words: what they will do next. */
        words: text(5_000),
        /** An optional line from the worker. */
        worker: v.optional(text(2_000)),
      }),
    ),
    v.maxLength(1_000),
  ),
});

export const nextsteps = {
  value,
  hasAnswer: (saved) => saved.entries.length > 0,
} satisfies ToolValueDefinition<typeof value>;
