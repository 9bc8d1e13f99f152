/**
 * `npm run new` fills new pages with short instructions for the writer, each starting with this
 * marker ("Write here: what the first step is about."). They build and pass the content checks,
 * so a site can be previewed straight away; `npm run check` can warn about any left before a
 * site goes live. No imports, so scripts run by Node can load it as it is.
 */
export const placeholderMarker = 'Write here:';

/** The 1-based line numbers in `text` that still hold a placeholder. */
export function placeholderLines(text: string): number[] {
  return text.split('\n').flatMap((line, index) => (line.includes(placeholderMarker) ? [index + 1] : []));
}
