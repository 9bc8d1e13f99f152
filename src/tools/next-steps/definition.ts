/**
 * `<NextSteps>`: what the person will do next, in their words, with an optional line from their
 * worker; each save is a dated entry. End the session has one built in. What it saves is in `value.ts`.
 */
import { defineToolKind } from '../kind.ts';

/** The id of the one built into End the session: Bring back names its question by it too. */
export const sessionNextStepsId = 'what-we-will-do-next';

export const nextsteps = defineToolKind({
  kind: 'nextsteps',
  component: 'NextSteps',
  island: 'next-steps/NextSteps',
  attributes: {},
  labels: ['next.words', 'next.worker', 'next.save', 'next.needWords', 'next.earlier', 'next.fromWorker'],
});
