/**
 * The numbered QR codes of one hand-over, scanned one by one on the person's phone: held in this
 * tab's sessionStorage (and this page's memory, where the browser keeps nothing), never in the
 * records, so half a hand-over never lands in the plan. Each is kept as its link's fragment and
 * read again with `readPart` on the way out, so nothing stored is trusted.
 */
import { type CarryPart, partFragment, readPart, sameSet } from './carry';
import { carryPartsKey } from './keys';

/** What scanning one more code did: kept, already had, or refused as another set's. */
export type Scanned = { kind: 'added' | 'repeated' | 'otherSet'; parts: CarryPart[] };

let inPage: CarryPart[] = [];

export function scannedParts(): CarryPart[] {
  try {
    const stored = sessionStorage.getItem(carryPartsKey);
    if (stored === null) return inPage; // none, or this browser would not keep them
    const held: unknown = JSON.parse(stored);
    if (!Array.isArray(held)) return inPage;
    const parts = held.map((fragment) => (typeof fragment === 'string' ? readPart(fragment) : undefined));
    const valid = parts.filter((part): part is CarryPart => typeof part === 'object');
    return valid.length === parts.length && valid.every((part) => sameSet(part, valid[0]!)) ? valid : inPage;
  } catch {
    return inPage; // no sessionStorage here, or not ours
  }
}

export function addScannedPart(part: CarryPart): Scanned {
  const parts = scannedParts();
  if (parts.length > 0 && !sameSet(parts[0]!, part)) return { kind: 'otherSet', parts };
  if (parts.some((held) => held.index === part.index)) return { kind: 'repeated', parts };
  const next = [...parts, part].sort((a, b) => a.index - b.index);
  keep(next);
  return { kind: 'added', parts: next };
}

/** Once joined, or when the person starts again. */
export function forgetScannedParts(): void {
  keep([]);
}

function keep(parts: CarryPart[]) {
  inPage = parts;
  try {
    if (parts.length === 0) sessionStorage.removeItem(carryPartsKey);
    else sessionStorage.setItem(carryPartsKey, JSON.stringify(parts.map(partFragment)));
  } catch {
    // This browser keeps nothing: the parts live in this page's memory only.
  }
}
