/** A checklist or choices in My plan and at the end of a session: what was ticked or picked. */
import type { AnswerProps } from '../tool';

export default function PickItemsAnswer({ value }: AnswerProps<'checklist' | 'choices'>) {
  return (
    <ul>
      {value.selected.map((item) => (
        <li key={item}>{item}</li>
      ))}
    </ul>
  );
}
