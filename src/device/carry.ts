/**
 * Carrying words to the person's own phone in a link: the export, compressed, in the URL's
 * fragment (`#…`), which browsers never send to any server. The receiving page checks it exactly
 * like an imported file, and adds nothing without the person's yes.
 */
import LZString from 'lz-string'; // CommonJS: its functions hang off the default export
import type { ExportDocument } from './transfer';
import { maxImportBytes, type ParsedImport, parseImport } from './transfer';

const marker = 'carry=';

/** Longer links make QR codes too dense for a phone camera to read reliably. */
export const maxCarryUrlLength = 2_000;

export function carryUrl(document: ExportDocument, bringBackPage: string): string {
  const { aside: _kept, ...portable } = document; // unreadable records travel by file, not by camera
  return `${bringBackPage}#${marker}${LZString.compressToEncodedURIComponent(JSON.stringify(portable))}`;
}

export type Carried = ParsedImport | { ok: false; problem: 'empty' };

/** Read what a link's fragment carries; anything odd is rejected like a damaged file. */
export function readCarried(hash: string): Carried {
  const payload = hash.replace(/^#/, '');
  if (!payload.startsWith(marker)) return { ok: false, problem: 'empty' };
  const compressed = payload.slice(marker.length);
  if (compressed.length > maxImportBytes / 2) return { ok: false, problem: 'tooLarge' };
  let text: string | null;
  try {
    text = LZString.decompressFromEncodedURIComponent(compressed);
  } catch {
    text = null;
  }
  return text ? parseImport(text) : { ok: false, problem: 'notJson' };
}
