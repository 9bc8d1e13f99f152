/** A part of the plan in My plan and at the end of a session: the person's list. */
import type { AnswerProps } from '../tool';

export default function PlanListAnswer({ value }: AnswerProps<'planlist'>) {
  return (
    <ul>
      {value.items.map((item) => (
        <li key={item}>{item}</li>
      ))}
    </ul>
  );
}
