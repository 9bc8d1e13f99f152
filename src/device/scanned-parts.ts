/**
 * The numbered QR codes of one hand-over, scanned one by one on the person's phone: held in this
 * tab's sessionStorage (and this page's memory, where the browser keeps nothing), never in the
 * records, so half a hand-over never lands in the plan. Each is kept as its link's fragment and
 * read again with `readPart` on the way out, so nothing stored is trusted.
 *
 * Many phones open each scanned code in a new tab, and each tab has its own sessionStorage: so
 * open Bring back tabs pass what they hold to the newest one over a BroadcastChannel (nothing kept).
 */
import { type CarryPart, partFragment, readPart, sameSet } from './carry';
import { carryPartsChannelName, carryPartsKey } from './keys';

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

/** A Bring back tab's line to the others: asks for their codes, takes them in, and hears when a set was joined. */
export interface PartsChannel {
  /** Ask the other tabs for the codes they hold; those of this tab's set arrive through `onParts`. */
  ask(): void;
  /** Tell the other tabs this set is joined here, so they let go of it. */
  joined(set: string): void;
  close(): void;
}

type Message = { ask: true } | { parts: unknown } | { joined: unknown };

export function partsChannel(on: { parts(parts: CarryPart[]): void; joinedElsewhere(): void }): PartsChannel {
  if (typeof BroadcastChannel !== 'function') return { ask: () => undefined, joined: () => undefined, close: () => undefined };
  const channel = new BroadcastChannel(carryPartsChannelName);
  channel.onmessage = ({ data }: MessageEvent<Message | null>) => {
    if (!data || typeof data !== 'object') return;
    const held = scannedParts();
    if ('ask' in data && held.length > 0) channel.postMessage({ parts: held.map(partFragment) });
    if ('parts' in data && Array.isArray(data.parts)) {
      const added = data.parts.map((fragment) => (typeof fragment === 'string' ? readPart(fragment) : undefined));
      const kept = added.filter((part): part is CarryPart => typeof part === 'object' && held.length > 0 && addScannedPart(part).kind === 'added');
      if (kept.length > 0) on.parts(scannedParts());
    }
    if ('joined' in data && held.length > 0 && data.joined === held[0]!.set) {
      forgetScannedParts();
      on.joinedElsewhere();
    }
  };
  return {
    ask: () => channel.postMessage({ ask: true }),
    joined: (set) => channel.postMessage({ joined: set }),
    close: () => channel.close(),
  };
}
