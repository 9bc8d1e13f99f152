/** A reflection in My plan and at the end of a session: the words as written. */
import type { AnswerProps } from '../tool';
import type { ToolKind } from '../values';

/** The kinds this view shows (`src/tools/AnswerValue.tsx` finds it by them). */
const kinds = ['reflection'] as const satisfies readonly ToolKind[];

export default function ReflectionAnswer({ value }: AnswerProps<(typeof kinds)[number]>) {
  return <p className="plan__text">{value.text}</p>;
}
ReflectionAnswer.kinds = kinds;
