/**
 * `<CheckIn>`: one or more questions rated in five steps with words (or 0 to 10), saved with the
 * day so a history builds up.
 */
import * as v from 'valibot';
import { defineToolKind } from '../kind.ts';

const rating = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(10));

export const checkin = defineToolKind({
  kind: 'checkin',
  component: 'CheckIn',
  island: 'checkin/CheckIn',
  items: 'questions',
  // The questions are the list inside; a prompt above them is optional.
  promptOptional: true,
  attributes: {
    /** Five steps in words, or 0 to 10. */
    scale: {
      choices: ['words', '0-10'],
      default: 'words',
      wrong: 'which is not one of the choices',
      fix: 'Use scale="words" (five steps from "Very hard" to "Very good") or scale="0-10".',
    },
  },
  labels: [
    'checkin.word1',
    'checkin.word2',
    'checkin.word3',
    'checkin.word4',
    'checkin.word5',
    'checkin.low',
    'checkin.high',
    'checkin.today',
    'checkin.history',
    'checkin.date',
    'checkin.noAnswer',
  ],
  value: v.strictObject({
    /** One entry per day: rating again on the same day replaces that day's answers. */
    entries: v.pipe(
      v.array(
        v.strictObject({
          date: v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/)),
          /** One rating per question, in the order the questions are asked (null: skipped). */
          ratings: v.pipe(v.array(v.nullable(rating)), v.maxLength(20)),
        }),
      ),
      v.maxLength(5_000),
    ),
  }),
  hasAnswer: (value) => value.entries.length > 0,
});
