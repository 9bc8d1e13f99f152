/** The reminder file is real iCalendar: a calendar library reads it back as the person chose. */
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { nextOccurrence, reminderIcs } from '../src/islands/plan/ics';

const reminder = {
  day: 'TU' as const,
  time: '10:00',
  every: 'weekly' as const,
  summary: 'Time for Waymark',
  description: 'A gentle reminder; come back any time, there is no rush, really, no rush at all, truly.',
  url: 'https://example.org/waymark/',
  siteName: 'Riverside Recovery',
};

describe('reminderIcs', () => {
  it('parses with an iCalendar library: weekly on Tuesday at 10:00, linking back', () => {
    const now = new Date(2026, 10, 26, 12, 0); // Thursday 26 November 2026
    const text = reminderIcs(reminder, now, 'fixed-uid');
    expect(text.split('\r\n').every((line) => new TextEncoder().encode(line).length <= 75)).toBe(true);
    const event = new ICAL.Event(new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent')!);
    expect(event.summary).toBe('Time for Waymark');
    expect(event.description).toBe(`${reminder.description}\n${reminder.url}`);
    expect(event.startDate.toString()).toBe('2026-12-01T10:00:00');
    const rule = event.component.getFirstPropertyValue('rrule') as ICAL.Recur;
    expect(rule.freq).toBe('WEEKLY');
    expect(rule.parts.BYDAY).toEqual(['TU']);
    const next = event.iterator();
    next.next();
    expect(next.next()!.toString()).toBe('2026-12-08T10:00:00');
    expect(new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent')!.getFirstSubcomponent('valarm')).toBeTruthy();
  });

  it('every two weeks and every day', () => {
    const now = new Date(2026, 10, 26, 12, 0);
    const fortnight = new ICAL.Component(ICAL.parse(reminderIcs({ ...reminder, every: 'fortnightly' }, now)));
    expect((fortnight.getFirstSubcomponent('vevent')!.getFirstPropertyValue('rrule') as ICAL.Recur).interval).toBe(2);
    const daily = new ICAL.Component(ICAL.parse(reminderIcs({ ...reminder, every: 'daily' }, now)));
    expect((daily.getFirstSubcomponent('vevent')!.getFirstPropertyValue('rrule') as ICAL.Recur).freq).toBe('DAILY');
  });

  it('starts today when the time is still ahead, otherwise next week', () => {
    const thursdayMorning = new Date(2026, 10, 26, 9, 0);
    expect(nextOccurrence('TH', '10:00', thursdayMorning).getDate()).toBe(26);
    expect(nextOccurrence('TH', '08:00', thursdayMorning).getDate()).toBe(3);
  });
});
