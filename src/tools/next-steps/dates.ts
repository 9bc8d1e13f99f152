/** The day an entry was saved, written the page's way ("30 November 2026", "٣٠ نوفمبر ٢٠٢٦"). */
export function entryDate(at: number, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long' }).format(at);
}

/** The entries, newest first. */
export function newestFirst<Entry extends { at: number }>(entries: readonly Entry[]): Entry[] {
  return [...entries].sort((a, b) => b.at - a.at);
}
