/**
 * `<CheckIn>`: one or more questions rated in five steps with words (or 0 to 10), saved with the
 * day so a history builds up. What it saves is in `value.ts`.
 */
import { defineToolKind } from '../kind.ts';

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
    'checkin.hardNote',
    'checkin.hardHelp',
    'checkin.hardPlan',
  ],
});
