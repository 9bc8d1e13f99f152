/**
 * `<CheckIn>`: one or more questions rated in five steps with words (or 0 to 10), saved with the
 * day so a history builds up; answering again on the same day changes that day's answer.
 */
import { useEffect, useId, useState } from 'react';
import { fill, formatDay, localDay } from '../labels';
import { withLock } from '../LockGuard';
import { SaveStatus, StorageNotice } from '../SaveStatus';
import type { ToolProps } from '../tool';
import { useRecord } from '../useRecord';
import { HardNote } from './HardNote';
import { isHard, scaleSteps } from './scale';

interface Props extends ToolProps<'checkin'> {
  /** For the dates of answers, written the page's way. */
  locale: string;
  /** The *Get help now* page and My plan, for the note after a hard answer. */
  helpHref: string;
  planHref: string;
}

function CheckInTool({ tool, hint, labels, locale, helpHref, planHref }: Props) {
  const { value, save, ready, state, store, resolve } = useRecord(tool.id, tool.module, 'checkin', { entries: [] });
  const id = useId();
  const today = localDay();
  // The day is written once the page is in the person's browser: the build's day (in the page's
  // HTML) is not the reader's, and React would find the two different as it takes the page over.
  const [shownDay, setShownDay] = useState<string>();
  useEffect(() => setShownDay(today), [today]);
  const todays = value.entries.find((entry) => entry.date === today);
  const steps = scaleSteps(tool.scale, labels);
  const questions = tool.items.length ? tool.items : [tool.prompt];

  const rate = (question: number, rating: number) => {
    const ratings = questions.map((_, i) => (i === question ? rating : (todays?.ratings[i] ?? null)));
    const others = value.entries.filter((entry) => entry.date !== today);
    save({ entries: [...others, { date: today, ratings }].sort((a, b) => a.date.localeCompare(b.date)) });
  };
  const earlier = value.entries
    .filter((entry) => entry.date !== today)
    .slice(-5)
    .reverse();
  const labelFor = (rating: number | null | undefined) =>
    rating == null ? labels['checkin.noAnswer'] : (steps.find((s) => s.value === rating)?.label ?? String(rating));

  return (
    <div className="tool__body">
      <StorageNotice toolId={tool.id} status={store?.status} labels={labels} />
      {tool.items.length > 0 && tool.prompt && <p className="tool__prompt">{tool.prompt}</p>}
      {hint && <p className="tool__hint">{hint}</p>}
      <p className="tool__date">{shownDay ? fill(labels['checkin.today'], { date: formatDay(shownDay, locale) }) : '\u00a0'}</p>
      {questions.map((question, q) => (
        <fieldset key={question} className="tool__fieldset">
          <legend className="tool__question">{question}</legend>
          {tool.scale === '0-10' && (
            <p className="tool__hint" id={`${id}-${q}-ends`}>
              {labels['checkin.low']} · {labels['checkin.high']}
            </p>
          )}
          <div className={`tool__scale tool__scale--${tool.scale === '0-10' ? 'numbers' : 'words'}`}>
            {steps.map((step) => (
              <label key={step.value} className="tool__scale-step">
                <input
                  type="radio"
                  name={`${id}-${q}`}
                  value={step.value}
                  checked={todays?.ratings[q] === step.value}
                  disabled={!ready}
                  onChange={() => rate(q, step.value)}
                  aria-describedby={tool.scale === '0-10' ? `${id}-${q}-ends` : undefined}
                />
                <span>{step.label}</span>
              </label>
            ))}
          </div>
        </fieldset>
      ))}
      <HardNote hard={questions.some((_, q) => isHard(steps, todays?.ratings[q]))} labels={labels} helpHref={helpHref} planHref={planHref} />
      <SaveStatus state={state} status={store?.status} labels={labels} onResolve={resolve} />
      {earlier.length > 0 && (
        <table className="tool__history">
          <caption>{labels['checkin.history']}</caption>
          <thead>
            <tr>
              <th scope="col">{labels['checkin.date']}</th>
              {questions.map((question) => (
                <th key={question} scope="col">
                  {question}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {earlier.map((entry) => (
              <tr key={entry.date}>
                <th scope="row">{formatDay(entry.date, locale)}</th>
                {questions.map((question, q) => (
                  <td key={question}>{labelFor(entry.ratings[q])}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

export default withLock(CheckInTool);
