/**
 * A module's "Sources" are other people's titles (papers, guidance), not our words: left out of
 * the search index, so a search never quotes "The Lancet Psychiatry 4(10)" as a page's excerpt.
 * Writers end a page with a `## Sources` heading (CONTENT-GUIDE.md); in the finished HTML, that
 * heading and every element after it, up to the next heading of its level or the end of its
 * container, get `data-pagefind-ignore`. Nothing moves, so the page looks and reads the same.
 * (Astro 7's Markdown processor does not run rehype plugins, so it is done on the built pages.)
 */

/** A sources heading's words, in the engine's languages; compared without case. */
const sourcesHeadings = new Set(['sources', 'references', 'fuentes', 'referencias', 'المصادر', 'المراجع']);

const headingPattern = /<h([1-6])\b[^>]*>([\s\S]*?)<\/h\1\s*>/gi;
const tagPattern = /<(\/?)([a-zA-Z][\w-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;
const voidTags = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const mark = ' data-pagefind-ignore';

const headingText = (inner: string) =>
  inner
    .replace(/<[^>]*>/g, '')
    .replace(/&[^;\s]+;/g, ' ')
    .trim()
    .toLowerCase();

/** `html` with each sources part marked for Pagefind to leave out; unchanged if it has none. */
export function sourcesUnindexed(html: string): string {
  for (const heading of html.matchAll(headingPattern)) {
    if (!sourcesHeadings.has(headingText(heading[2]!)) || heading.index === undefined) continue;
    if (heading[0].includes('data-pagefind-ignore')) continue;
    return sourcesUnindexed(markFrom(html, heading.index, Number(heading[1])));
  }
  return html;
}

/** Marks each element from `start` that is a sibling of the heading there (level `level`). */
function markFrom(html: string, start: number, level: number): string {
  const starts: number[] = []; // where to write the mark: just after each sibling's tag name
  let depth = 0;
  tagPattern.lastIndex = start;
  for (let found = tagPattern.exec(html); found; found = tagPattern.exec(html)) {
    const [whole, closing, rawName = '', rest = ''] = found;
    const name = rawName.toLowerCase();
    if (closing) {
      if (--depth < 0) break; // the container ends
      continue;
    }
    if (depth === 0) {
      const headingLevel = /^h([1-6])$/.exec(name)?.[1];
      if (headingLevel && found.index !== start && Number(headingLevel) <= level) break; // the next part
      starts.push(found.index + 1 + rawName.length);
    }
    if (name === 'script' || name === 'style') {
      // Their bodies hold no tags: go on after the closing tag, at the same depth.
      const end = html.toLowerCase().indexOf(`</${name}`, found.index + whole.length);
      tagPattern.lastIndex = end < 0 ? html.length : html.indexOf('>', end) + 1;
      continue;
    }
    if (!voidTags.has(name) && !rest.trimEnd().endsWith('/')) depth++;
  }
  let marked = html;
  for (const at of starts.reverse()) marked = `${marked.slice(0, at)}${mark}${marked.slice(at)}`;
  return marked;
}
