/**
 * Reads the HTML the build wrote: its tags, their attributes and the ids a `#part` can point to.
 * Build steps (the base path, the security headers) and `npm run check` (the link audit) read pages
 * through it, so they agree on what a tag is. Astro writes well-formed HTML, so a pattern reads it;
 * comments and script bodies are taken out first (`withoutScripts`): what looks like a tag in them
 * is not one.
 */

/** A start tag: `<a href="/help/">` is `{ name: 'a', attributes: { href: '/help/' } }`. */
export interface Tag {
  /** In small letters. */
  name: string;
  /** Names in small letters; values with character references decoded, '' for a bare attribute. */
  attributes: Record<string, string>;
}

const tagPattern = /<([a-zA-Z][\w-]*)(\s(?:[^>"']|"[^"]*"|'[^']*')*)?\/?>/g;
const attributePattern = /([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g;

/** The page without comments and script bodies: neither holds tags or links, even where it looks so. */
export function withoutScripts(html: string): string {
  return html.replace(/<!--[\s\S]*?-->/g, '').replace(/(<script\b[^>]*>)[\s\S]*?<\/script>/gi, '$1</script>');
}

/** Every start tag in `html`, in order. */
export function* tagsIn(html: string): Generator<Tag> {
  for (const [, name = '', text = ''] of html.matchAll(tagPattern)) {
    const attributes: Record<string, string> = {};
    for (const [, attribute = '', double, single, bare] of text.matchAll(attributePattern)) {
      attributes[attribute.toLowerCase()] = decodeEntities(double ?? single ?? bare ?? '');
    }
    yield { name: name.toLowerCase(), attributes };
  }
}

/** What a `#part` can point to on a page: every `id` and `<a name>`; and its headings' ids, in order. */
export function idsIn(html: string): { all: Set<string>; headings: string[] } {
  const found = { all: new Set<string>(), headings: [] as string[] };
  for (const { name: tag, attributes } of tagsIn(html)) {
    const { id, name } = attributes;
    if (id) found.all.add(id);
    if (name && tag === 'a') found.all.add(name);
    if (id && /^h[1-6]$/.test(tag)) found.headings.push(id);
  }
  return found;
}

/**
 * `html` with each value of the attributes `names` replaced by `change(value)`, and every other
 * character as it was. Values go to `change`, and come back, as written: references not decoded.
 */
export function changeAttributes(html: string, names: ReadonlySet<string>, change: (value: string) => string): string {
  return html.replace(tagPattern, (tag, name: string, text: string | undefined) => {
    if (!text) return tag;
    const changed = text.replace(attributePattern, (attribute, attributeName: string, double?: string, single?: string, bare?: string) => {
      const value = double ?? single ?? bare;
      if (value === undefined || !names.has(attributeName.toLowerCase())) return attribute;
      const quote = double !== undefined ? '"' : single !== undefined ? "'" : '';
      return `${attribute.slice(0, attribute.length - value.length - 2 * quote.length)}${quote}${change(value)}${quote}`;
    });
    return `<${name}${changed}${tag.slice(1 + name.length + text.length)}`;
  });
}

const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', lrm: '\u200e', rlm: '\u200f' };

/** Text with its character references (`&amp;`, `&#39;`, `&#x21;`) read; an unknown one stays as written. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return named[ref.toLowerCase()] ?? whole;
  });
}
