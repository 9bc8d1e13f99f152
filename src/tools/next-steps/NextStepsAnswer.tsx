/** "What we'll do next" in My plan and at the end of a session: each entry with its date, newest first. */
import { fill } from '../labels';
import type { AnswerProps } from '../tool';
import type { ToolKind, ValueOf } from '../values';
import { entryDate, newestFirst } from './dates';

/** The kinds this view shows (`src/tools/AnswerValue.tsx` finds it by them). */
const kinds = ['nextsteps'] as const satisfies readonly ToolKind[];

export default function NextStepsAnswer({ value, labels, locale }: AnswerProps<(typeof kinds)[number]>) {
  return <NextStepsList entries={value.entries} labels={labels} locale={locale} />;
}
NextStepsAnswer.kinds = kinds;

/** Entries from one or several tools (My plan gathers them all), newest first. */
export function NextStepsList({ entries, labels, locale }: { entries: ValueOf['nextsteps']['entries']; labels: Record<string, string>; locale: string }) {
  return (
    <ul className="next-steps__list">
      {newestFirst(entries).map((entry) => (
        <li key={entry.at} className="next-steps__entry">
          <p className="next-steps__date">
            <time dateTime={new Date(entry.at).toISOString()}>{entryDate(entry.at, locale)}</time>
          </p>
          <p className="next-steps__words">{entry.words}</p>
          {entry.worker && <p className="next-steps__worker">{fill(labels['next.fromWorker'] ?? '{words}', { words: entry.worker })}</p>}
        </li>
      ))}
    </ul>
  );
}
