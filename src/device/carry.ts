/**
 * Carrying words to the person's own phone in a link: the export, compressed, in the URL's
 * fragment (`#…`), which browsers never send to any server. The receiving page checks it exactly
 * like an imported file, and adds nothing without the person's yes.
 *
 * A link is hostile input: it is measured before it is expanded, and expanded only up to a limit,
 * so a small link that would grow to hundreds of megabytes is refused in milliseconds.
 */
import LZString from 'lz-string'; // CommonJS: its functions hang off the default export
import type { ExportDocument } from './transfer';
import { type ParsedImport, parseImport } from './transfer';

/** Today's links: the browser's own deflate (`CompressionStream`), in base64url. */
const marker = 'wm1=';
/** Links made before: lz-string. Still read, within the same bound. */
const legacyMarker = 'carry=';

/** Longer links make QR codes too dense for a phone camera to read reliably. */
export const maxCarryUrlLength = 2_000;

/**
 * The densest code drawn: QR version 20 (97 modules across) at error correction L, which holds
 * 858 bytes. Drawn at 4 CSS px a module with its 4-module quiet zone it is 420 px square: it fits
 * a tablet's page column, and a phone camera at arm's length sees each module as several pixels
 * even on a screen at 1×. Denser codes (version 27 for five short answers, 2.4 px a module) do not.
 */
export const maxQrVersion = 20;
/** Bytes (here, ASCII characters) a version-20 code holds at level L. */
export const qrCapacity = 858;
/** More codes than this is more scanning than anyone should do: the file is offered instead. */
export const maxCarryParts = 12;

/**
 * Waymark never made a link longer than `maxCarryUrlLength`, so a longer compressed part is not
 * one of ours: it is refused before any work. For old links this is the whole bound, as lz-string
 * cannot stop part-way: its worst case is a run of one letter, each code one letter longer than
 * the last, so n codes give about n²/2 letters; 2,000 characters (12,000 bits) hold at most 1,271
 * codes, which expand to 809,628 letters (about a millisecond), under `maxCarriedBytes`.
 */
export const maxCarryPayloadLength = maxCarryUrlLength;

/**
 * The most a link's words may expand to. A real QR link holds a few kilobytes of words; deflate
 * can expand 1,500 bytes to 1.5 MB, so this stops such a link part-way, not after the fact.
 */
export const maxCarriedBytes = 512 * 1024;

/** Input is fed to the decompressor this many bytes at a time: deflate expands a byte to at most
 * 1,032, so no step produces more than about 260 kB before the limit is checked again. */
const feedBytes = 256;

/** One link that carries the whole document, however long (see `carryUrls` for links a code can hold). */
export async function carryUrl(document: ExportDocument, bringBackPage: string): Promise<string> {
  return `${bringBackPage}#${marker}${await compress(document)}`;
}

/**
 * The links for End the session's codes, each short enough for a code of `maxQrVersion`: one plain
 * `#wm1=` link when the words fit, else numbered parts (`#wm1=<i>.<n>.<set>.<check>.<piece>`) of
 * about equal length that the receiving page joins. Empty when it would take more than
 * `maxCarryParts` codes: the file is the way then.
 */
export async function carryUrls(document: ExportDocument, bringBackPage: string): Promise<string[]> {
  const payload = await compress(document);
  const single = `${bringBackPage}#${marker}${payload}`;
  if (single.length <= qrCapacity) return [single];
  const room = qrCapacity - `${bringBackPage}#${marker}${maxCarryParts}.${maxCarryParts}.${'x'.repeat(setLength)}.${'x'.repeat(checkLength)}.`.length;
  const count = room > 0 ? Math.ceil(payload.length / room) : Infinity;
  if (count > maxCarryParts) return [];
  const size = Math.ceil(payload.length / count);
  const set = toBase64Url(crypto.getRandomValues(new Uint8Array(6)));
  const check = checksum(payload);
  return Array.from({ length: count }, (_, index) => {
    const piece = payload.slice(index * size, (index + 1) * size);
    return `${bringBackPage}#${partFragment({ index: index + 1, count, set, check, piece })}`;
  });
}

/** One numbered code of a set: which of how many, the set it belongs to, and its piece of the payload. */
export interface CarryPart {
  index: number;
  count: number;
  set: string;
  /** A checksum of the whole payload, so pieces that do not belong together are refused. */
  check: string;
  piece: string;
}

const setLength = 8;
const checkLength = 11;
const partPattern = new RegExp(`^${marker}(\\d{1,2})\\.(\\d{1,2})\\.([\\w-]{${setLength}})\\.([0-9a-z]{${checkLength}})\\.([\\w-]+)$`);

/**
 * A part link's fragment read, or why not: `undefined` when it is not a part at all (a whole link,
 * or none), `broken` when it looks like one but cannot be (numbers out of range, too long).
 */
export function readPart(hash: string): CarryPart | 'broken' | undefined {
  const payload = hash.replace(/^#/, '');
  if (!payload.startsWith(marker) || !payload.includes('.')) return undefined;
  const match = payload.length <= qrCapacity ? partPattern.exec(payload) : null;
  if (!match) return 'broken';
  const [, index, count, set, check, piece] = match;
  const part = { index: Number(index), count: Number(count), set: set!, check: check!, piece: piece! };
  return part.count >= 2 && part.count <= maxCarryParts && part.index >= 1 && part.index <= part.count ? part : 'broken';
}

/** A part as its link's fragment, without the `#`. */
export const partFragment = ({ index, count, set, check, piece }: CarryPart) => `${marker}${index}.${count}.${set}.${check}.${piece}`;

/** Whether two parts come from the same set of codes. */
export const sameSet = (a: CarryPart, b: CarryPart) => a.set === b.set && a.check === b.check && a.count === b.count;

/**
 * All the parts of one set, joined and read like a whole link. Anything short of exactly one part
 * of each number, all of one set, whose joined payload matches the checksum, is a `mismatch`.
 */
export async function joinParts(parts: CarryPart[]): Promise<Carried> {
  const mismatch = { ok: false, problem: 'mismatch' } as const;
  const first = parts[0];
  if (!first || parts.length !== first.count || !parts.every((part) => sameSet(part, first))) return mismatch;
  const ordered = [...parts].sort((a, b) => a.index - b.index);
  if (!ordered.every((part, at) => part.index === at + 1)) return mismatch;
  const payload = ordered.map((part) => part.piece).join('');
  return checksum(payload) === first.check ? readPayload(payload) : mismatch;
}

async function compress(document: ExportDocument): Promise<string> {
  const { aside: _kept, ...portable } = document; // unreadable records travel by file, not by camera
  const bytes = new TextEncoder().encode(JSON.stringify(portable));
  return toBase64Url(await collect(new Blob([bytes]).stream().pipeThrough(new CompressionStream('deflate-raw'))));
}

/**
 * cyrb53, a small well-known 53-bit string hash, as 11 base-36 digits: it catches mixed or
 * damaged parts (not an attacker, who can make any link), and needs no secure context.
 */
function checksum(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36).padStart(checkLength, '0');
}

/** What a link carried: `mismatch` when numbered codes do not make one whole (mixed, repeated, missing, damaged). */
export type Carried = ParsedImport | { ok: false; problem: 'empty' | 'mismatch' };

/** Read what a link's fragment carries; anything odd is rejected like a damaged file. */
export async function readCarried(hash: string): Promise<Carried> {
  const payload = hash.replace(/^#/, '');
  const legacy = payload.startsWith(legacyMarker);
  if (!legacy && !payload.startsWith(marker)) return { ok: false, problem: 'empty' };
  const compressed = payload.slice((legacy ? legacyMarker : marker).length);
  if (compressed.length > maxCarryPayloadLength) return { ok: false, problem: 'tooLarge' };
  if (legacy) return readLegacy(compressed);
  return readPayload(compressed);
}

/** A `#wm1=` payload (a whole link's, or parts joined): base64url of deflate-raw of the export's JSON. */
async function readPayload(compressed: string): Promise<Carried> {
  if (compressed.length > maxCarryParts * qrCapacity) return { ok: false, problem: 'tooLarge' };
  const bytes = fromBase64Url(compressed);
  if (!bytes) return { ok: false, problem: 'notJson' };
  const inflated = await inflateWithin(bytes, maxCarriedBytes);
  if (!inflated.ok) return { ok: false, problem: inflated.problem };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(inflated.bytes);
  } catch {
    return { ok: false, problem: 'notJson' };
  }
  return parseImport(text);
}

function readLegacy(compressed: string): Carried {
  let text: string | null;
  try {
    text = LZString.decompressFromEncodedURIComponent(compressed);
  } catch {
    text = null;
  }
  return text ? parseImport(text) : { ok: false, problem: 'notJson' };
}

export type Inflated = { ok: true; bytes: Uint8Array } | { ok: false; problem: 'tooLarge' | 'notJson'; inflated: number };

/**
 * Deflate-raw bytes expanded, stopping as soon as more than `limit` bytes come out. The input is
 * fed in small pieces, pulled only when the output has been read, so the decompressor never runs
 * ahead of the check. `inflated` says how far it got before stopping.
 */
export async function inflateWithin(compressed: Uint8Array, limit: number): Promise<Inflated> {
  let offset = 0;
  const source = new ReadableStream<BufferSource>(
    {
      pull(controller) {
        if (offset >= compressed.length) return controller.close();
        controller.enqueue(compressed.slice(offset, (offset += feedBytes)));
      },
    },
    { highWaterMark: 0 },
  );
  const reader = source.pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > limit) {
        void reader.cancel().catch(() => undefined);
        return { ok: false, problem: 'tooLarge', inflated: total };
      }
      chunks.push(value);
    }
  } catch {
    return { ok: false, problem: 'notJson', inflated: total }; // not deflate, or cut short
  }
  return { ok: true, bytes: join(chunks, total) };
}

async function collect(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (let next = await reader.read(); !next.done; next = await reader.read()) {
    chunks.push(next.value);
    total += next.value.byteLength;
  }
  return join(chunks, total);
}

function join(chunks: Uint8Array[], total: number): Uint8Array {
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array | undefined {
  if (!/^[\w-]*$/.test(text)) return undefined;
  try {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    return Uint8Array.from(binary, (char) => char.charCodeAt(0));
  } catch {
    return undefined; // a length base64 cannot have
  }
}
