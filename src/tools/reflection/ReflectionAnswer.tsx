/** A reflection in My plan and at the end of a session: the words as written. */
import type { AnswerProps } from '../tool';

export default function ReflectionAnswer({ value }: AnswerProps<'reflection'>) {
  return <p className="plan__text">{value.text}</p>;
}
