/**
 * A calendar file (RFC 5545) with one repeating reminder to come back to the site. Written by hand:
 * it is a few lines of text, and the npm `ics` package would bring a validation library with it.
 * Times are "floating" (no time zone): 10:00 means 10:00 wherever the person is.
 */
export type Weekday = 'MO' | 'TU' | 'WE' | 'TH' | 'FR' | 'SA' | 'SU';
export const weekdays: Weekday[] = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

export interface Reminder {
  day: Weekday;
  /** `HH:MM`, 24-hour. */
  time: string;
  every: 'daily' | 'weekly' | 'fortnightly';
  summary: string;
  description: string;
  url: string;
  /** The site's name: the calendar file says it made it. */
  siteName: string;
}

export function reminderIcs(reminder: Reminder, now = new Date(), uid: string = crypto.randomUUID()): string {
  const start = nextOccurrence(reminder.day, reminder.time, now);
  const rule = {
    daily: 'FREQ=DAILY',
    weekly: `FREQ=WEEKLY;BYDAY=${reminder.day}`,
    fortnightly: `FREQ=WEEKLY;INTERVAL=2;BYDAY=${reminder.day}`,
  }[reminder.every];
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:-//${reminder.siteName.replace(/\/\//g, '/')}//Reminder//EN`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${uid}@reminder.invalid`,
    `DTSTAMP:${utcStamp(now)}`,
    `DTSTART:${localStamp(start)}`,
    'DURATION:PT15M',
    `RRULE:${rule}`,
    `SUMMARY:${escapeText(reminder.summary)}`,
    `DESCRIPTION:${escapeText(`${reminder.description}\n${reminder.url}`)}`,
    `URL:${reminder.url}`,
    'BEGIN:VALARM',
    'ACTION:DISPLAY',
    'TRIGGER:PT0M',
    `DESCRIPTION:${escapeText(reminder.summary)}`,
    'END:VALARM',
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return `${lines.map(fold).join('\r\n')}\r\n`;
}

/** The next time it is `day` at `time`, from now (today counts if the time is still ahead). */
export function nextOccurrence(day: Weekday, time: string, now: Date): Date {
  const [hours, minutes] = time.split(':').map(Number);
  const target = weekdays.indexOf(day); // Monday = 0
  const start = new Date(now.getFullYear(), now.getMonth(), now.getDate(), hours, minutes);
  const today = (now.getDay() + 6) % 7;
  let ahead = (target - today + 7) % 7;
  if (ahead === 0 && start <= now) ahead = 7;
  start.setDate(start.getDate() + ahead);
  return start;
}

const pad = (n: number) => String(n).padStart(2, '0');

function localStamp(d: Date): string {
  return `${d.getFullYear()}${pad(d.getMonth() + 1)}${pad(d.getDate())}T${pad(d.getHours())}${pad(d.getMinutes())}00`;
}

function utcStamp(d: Date): string {
  return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}Z`;
}

/** RFC 5545 §3.3.11: backslash, semicolon, comma and newline are escaped in text. */
function escapeText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** RFC 5545 §3.1: lines longer than 75 octets continue on the next line after a space. */
function fold(line: string): string {
  const bytes = new TextEncoder().encode(line);
  if (bytes.length <= 75) return line;
  const parts: string[] = [];
  let current = '';
  let size = 0;
  for (const char of line) {
    const length = new TextEncoder().encode(char).length;
    if (size + length > (parts.length === 0 ? 75 : 74)) {
      parts.push(current);
      current = '';
      size = 0;
    }
    current += char;
    size += length;
  }
  parts.push(current);
  return parts.join('\r\n ');
}
