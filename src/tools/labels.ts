/**
 * The UI strings the tools need, picked from the page's language at build time and passed to
 * each island as one prop, so the browser never loads the whole string table. Which keys is the
 * build's to say (`label-keys.ts`); this module, which islands import, only fills the words in.
 */
import type { ToolLabelKey } from './label-keys';

export type Labels<K extends string = ToolLabelKey> = Record<K, string>;

/** Fill `{name}` placeholders. */
export function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => String(values[name] ?? whole));
}

/** Today's date on this device, as `YYYY-MM-DD` in local time (a check-in belongs to the person's day). */
export function localDay(date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** A day as people read it in their language ("Tue 3 Nov"). */
export function formatDay(day: string, locale: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y!, m! - 1, d!).toLocaleDateString(locale, { weekday: 'short', day: 'numeric', month: 'short' });
}
