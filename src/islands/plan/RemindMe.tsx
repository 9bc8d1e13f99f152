/** *Remind me*: a calendar file with a repeating reminder the person chooses, made on the device. */
import { type SubmitEvent, useId, useState } from 'react';
import { fileNameOf } from '../../device/transfer';
import { type Reminder, reminderIcs, type Weekday, weekdays } from './ics';

type Labels = Record<string, string>;

export function RemindMe({ labels, homeHref, siteName }: { labels: Labels; homeHref: string; siteName: string }) {
  const id = useId();
  const [day, setDay] = useState<Weekday>('TU');
  const [time, setTime] = useState('10:00');
  const [every, setEvery] = useState<Reminder['every']>('weekly');
  const [done, setDone] = useState(false);
  const l = (key: string) => labels[key] ?? key;
  const make = (event: SubmitEvent) => {
    event.preventDefault();
    const ics = reminderIcs({
      day,
      time,
      every,
      summary: l('reminder.summary'),
      description: l('reminder.description'),
      url: new URL(homeHref, location.href).href,
      siteName,
    });
    const url = URL.createObjectURL(new Blob([ics], { type: 'text/calendar' }));
    Object.assign(document.createElement('a'), { href: url, download: `${fileNameOf(siteName)}-reminder.ics` }).click();
    setTimeout(() => URL.revokeObjectURL(url), 1_000);
    setDone(true);
  };
  return (
    <section className="remind-me" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{l('reminder.heading')}</h3>
      <p>{l('reminder.text')}</p>
      <form className="remind-me__form" onSubmit={make}>
        <label htmlFor={`${id}-every`}>{l('reminder.every')}</label>
        <select id={`${id}-every`} value={every} onChange={(e) => setEvery(e.target.value as Reminder['every'])}>
          {(['weekly', 'fortnightly', 'daily'] as const).map((choice) => (
            <option key={choice} value={choice}>
              {l(`reminder.${choice}`)}
            </option>
          ))}
        </select>
        {every !== 'daily' && (
          <>
            <label htmlFor={`${id}-day`}>{l('reminder.day')}</label>
            <select id={`${id}-day`} value={day} onChange={(e) => setDay(e.target.value as Weekday)}>
              {weekdays.map((weekday) => (
                <option key={weekday} value={weekday}>
                  {l(`day.${weekday}`)}
                </option>
              ))}
            </select>
          </>
        )}
        <label htmlFor={`${id}-time`}>{l('reminder.time')}</label>
        <input id={`${id}-time`} type="time" value={time} required onChange={(e) => setTime(e.target.value)} />
        <button type="submit" className="button">
          {l('reminder.make')}
        </button>
      </form>
      <p role="status">{done ? l('reminder.done') : ''}</p>
    </section>
  );
}
