/**
 * Web addresses from titles: "Coping with money worries" becomes `coping-with-money-worries`.
 * Module folders, step and story files are named this way (see `slugPattern` in module-schema.ts).
 */

/** Letters that do not split into a plain letter and an accent. */
const spelledOut: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ł: 'l',
  ı: 'i',
  ħ: 'h',
  ŧ: 't',
};

/** The longest address we suggest; a longer one is cut at a dash. */
export const slugMaxLength = 60;

/**
 * Lower-case ASCII letters and digits joined by single dashes; accents dropped ("Café" → `cafe`),
 * apostrophes dropped ("Jo's story" → `jos-story`). Empty when the title has no Latin letters or
 * digits (Arabic or Chinese, say): then the writer chooses the address.
 */
export function slugFromTitle(title: string): string {
  const plain = title
    .toLowerCase()
    .replace(/[ßæœøđðþłıħŧ]/g, (letter) => spelledOut[letter] ?? letter)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/['’‘`]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (plain.length <= slugMaxLength) return plain;
  const cut = plain.slice(0, slugMaxLength + 1);
  const lastDash = cut.lastIndexOf('-');
  return (lastDash > 0 ? cut.slice(0, lastDash) : cut.slice(0, slugMaxLength)).replace(/-+$/, '');
}
