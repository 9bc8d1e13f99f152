/**
 * A hostile old-format (`#carry=`, lz-string) link made by hand: the worst case lz-string allows,
 * where every code names the entry being made (the last one plus one more letter), so `codes`
 * codes expand to about codes²/2 letters. Compressing such a string would take too long to make one.
 */
const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$'; // lz-string's URI-safe set

export function lzBomb(codes: number): string {
  const bits: number[] = [];
  // lz-string writes each value lowest bit first.
  const put = (value: number, width: number) => {
    for (let i = 0; i < width; i++) bits.push((value >> i) & 1);
  };
  put(0, 2); // a literal 8-bit character follows
  put(97, 8); // "a"
  // The decoder's own bookkeeping: code width grows as its dictionary fills.
  let dictSize = 4;
  let numBits = 3;
  let enlargeIn = 4;
  for (let i = 0; i < codes; i++) {
    put(dictSize++, numBits);
    if (--enlargeIn === 0) enlargeIn = 2 ** numBits++;
  }
  put(2, numBits); // the end
  let out = '';
  for (let i = 0; i < bits.length; i += 6) {
    let value = 0;
    for (let j = 0; j < 6; j++) value = (value << 1) | (bits[i + j] ?? 0); // six bits a character, highest first
    out += alphabet[value];
  }
  return out;
}

/** How many letters `lzBomb(codes)` expands to. */
export const lzBombLength = (codes: number) => 1 + codes + (codes * (codes + 1)) / 2;
