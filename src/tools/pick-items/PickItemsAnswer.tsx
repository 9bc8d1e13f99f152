/** A checklist or choices in My plan and at the end of a session: what was ticked or picked. */
import type { AnswerProps } from '../tool';
import type { ToolKind } from '../values';

/** The kinds this view shows (`src/tools/AnswerValue.tsx` finds it by them). */
const kinds = ['checklist', 'choices'] as const satisfies readonly ToolKind[];

export default function PickItemsAnswer({ value }: AnswerProps<(typeof kinds)[number]>) {
  return (
    <ul>
      {value.selected.map((item) => (
        <li key={item}>{item}</li>
      ))}
    </ul>
  );
}
PickItemsAnswer.kinds = kinds;
