/** A part of the plan in My plan and at the end of a session: the person's list. */
import type { AnswerProps } from '../tool';
import type { ToolKind } from '../values';

/** The kinds this view shows (`src/tools/AnswerValue.tsx` finds it by them). */
const kinds = ['planlist'] as const satisfies readonly ToolKind[];

export default function PlanListAnswer({ value }: AnswerProps<(typeof kinds)[number]>) {
  return (
    <ul>
      {value.items.map((item) => (
        <li key={item}>{item}</li>
      ))}
    </ul>
  );
}
PlanListAnswer.kinds = kinds;
