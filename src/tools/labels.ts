/**
 * The UI strings the tools need, picked from the page's language at build time and passed to
 * each island as one prop, so the browser never loads the whole string table.
 */
import { type RegisteredKind, toolKindList } from './registry';

/** The strings every tool uses (saving, adding, the lock); a kind's own are in its definition. */
const sharedLabelKeys = [
  'tool.saving',
  'tool.saved',
  'tool.savedForNow',
  'tool.notSavedQuota',
  'tool.notSavedFailed',
  'tool.notKept',
  'tool.conflict',
  'tool.conflictOther',
  'tool.keepMine',
  'tool.useOther',
  'tool.addOwn',
  'tool.add',
  'tool.remove',
  'tool.yourOwn',
  'tool.nothingYet',
  'tool.examples',
  'tool.savedGuest',
  'lock.heading',
  'lock.text',
  'lock.label',
  'lock.unlock',
  'lock.checking',
  'lock.wrong',
  'lock.forgot',
  'lock.lockedLine',
] as const;

type KindLabelKey = NonNullable<RegisteredKind['labels']>[number];
export type ToolLabelKey = (typeof sharedLabelKeys)[number] | KindLabelKey;

export type Labels<K extends string = ToolLabelKey> = Record<K, string>;

/** Every key a tool's island may use, in the order they are sent (a function, so islands that only fill in words do not carry the list). */
export function toolLabelKeys(): ToolLabelKey[] {
  return [...sharedLabelKeys, ...toolKindList.flatMap((kind) => kind.labels ?? [])];
}

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

