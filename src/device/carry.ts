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

export async function carryUrl(document: ExportDocument, bringBackPage: string): Promise<string> {
  const { aside: _kept, ...portable } = document; // unreadable records travel by file, not by camera
  const bytes = new TextEncoder().encode(JSON.stringify(portable));
  const compressed = await collect(new Blob([bytes]).stream().pipeThrough(new CompressionStream('deflate-raw')));
  return `${bringBackPage}#${marker}${toBase64Url(compressed)}`;
}

export type Carried = ParsedImport | { ok: false; problem: 'empty' };

/** Read what a link's fragment carries; anything odd is rejected like a damaged file. */
export async function readCarried(hash: string): Promise<Carried> {
  const payload = hash.replace(/^#/, '');
  const legacy = payload.startsWith(legacyMarker);
  if (!legacy && !payload.startsWith(marker)) return { ok: false, problem: 'empty' };
  const compressed = payload.slice((legacy ? legacyMarker : marker).length);
  if (compressed.length > maxCarryPayloadLength) return { ok: false, problem: 'tooLarge' };
  if (legacy) return readLegacy(compressed);
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
