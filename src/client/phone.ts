/**
 * Phone numbers made tappable: the service's contacts at build time (help.astro) and the numbers in
 * a person's own words on the help page (my-help.ts). A number is shown as it was written; only its
 * `+` and digits go into the address, which is what phones dial.
 */

/** `tel:` address for a number written any way ("0800 123 456", "+44 (0)20 7946 0000"). */
export function telHref(number: string): string {
  return `tel:${dialled(number)}`;
}

/** `sms:` address; with a word to send ("SHOUT"), the message starts with it (RFC 5724 `body`). */
export function smsHref(number: string, word = ''): string {
  return `sms:${dialled(number)}${word ? `?body=${encodeURIComponent(word)}` : ''}`;
}

function dialled(number: string): string {
  return number.replace(/[^\d+]/g, '');
}

/** A piece of a person's words: plain text, or a phone number in it. */
export interface Piece {
  text: string;
  /** Set when this piece is a phone number: its `tel:` address. */
  tel?: string;
}

// A run of digits with the spaces, dots, dashes and brackets people write between them.
const numberLike = /\+?\d[\d ().-]*\d/g;
// "12.05.2024", "3-4-25": a date, not a number to call.
const dateLike = /^\d{1,4}([./-])\d{1,2}\1\d{1,4}$/;

/**
 * Splits words like "Sam 07700 900123 (evenings)" into text and the numbers in it. Only runs of
 * 6 to 15 digits count (the shortest helplines to the longest international number), so times,
 * ages and house numbers stay text.
 */
export function phonePieces(words: string): Piece[] {
  const pieces: Piece[] = [];
  let from = 0;
  for (const match of words.matchAll(numberLike)) {
    const found = trimBrackets(match[0]);
    const digits = found.replace(/\D/g, '').length;
    if (digits < 6 || digits > 15 || dateLike.test(found)) continue;
    const at = match.index + match[0].indexOf(found);
    if (at > from) pieces.push({ text: words.slice(from, at) });
    pieces.push({ text: found, tel: telHref(found) });
    from = at + found.length;
  }
  if (from < words.length) pieces.push({ text: words.slice(from) });
  return pieces;
}

/** "07700 900123)" from "(mobile 07700 900123)": a bracket that is not part of the number stays text. */
function trimBrackets(found: string): string {
  let number = found;
  const opened = (text: string) => (text.match(/\(/g) ?? []).length - (text.match(/\)/g) ?? []).length;
  while (number.endsWith(')') && opened(number) < 0) number = number.slice(0, -1).trimEnd();
  return number;
}
