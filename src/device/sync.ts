/**
 * Two tabs in step. After each save a BroadcastChannel message tells the other tabs, which reload
 * that record. A tab never overwrites a newer version saved by another tab: if both changed the
 * same record, it is in conflict until the person picks which version to keep. These are the rules;
 * the store applies them.
 */
import type { StoredRecord } from './schema';

/**
 * What one tab tells the others. `basedOn`: the version the writer had seen before it wrote (to
 * catch writes that crossed). `unlocked` carries the key itself (a CryptoKey is passed between
 * tabs of the same site as an object, never as bytes), so one passphrase opens every tab; it is
 * checked against the lock before it is used; a tab that opens locked asks for it (`key-wanted`),
 * so a tab opened while another is unlocked opens unlocked too. `active`: the person is using the site in a tab,
 * so no tab locks itself for being idle.
 */
export type TabMessage =
  | { type: 'changed'; changes: Array<{ id: string; basedOn: number }> }
  | { type: 'forgotten' }
  | { type: 'lock-changed' }
  | { type: 'locked' }
  | { type: 'unlocked'; key: CryptoKey }
  | { type: 'key-wanted' }
  | { type: 'active' };

/** The channel to the other tabs, or none where the browser has no BroadcastChannel. */
export function openTabChannel(name: string, receive: (message: TabMessage) => void): BroadcastChannel | undefined {
  if (typeof BroadcastChannel === 'undefined') return undefined;
  const channel = new BroadcastChannel(name);
  channel.onmessage = (event: MessageEvent<TabMessage>) => receive(event.data);
  return channel;
}

/** The same words, whenever each was saved. */
export function sameRecord(a: StoredRecord, b: StoredRecord): boolean {
  return a.kind === b.kind && JSON.stringify(a.value) === JSON.stringify(b.value);
}

/** Before a write: another tab saved different words since this tab last read or wrote the record. */
export function savedElsewhere(stored: StoredRecord | undefined, seen: number, mine: StoredRecord): stored is StoredRecord {
  return stored !== undefined && stored.updatedAt > seen && !sameRecord(stored, mine);
}

/** What this tab knows of a record when another tab says it saved it. */
export interface Here {
  /** This tab's version, if it has one. */
  mine: StoredRecord | undefined;
  /** The `updatedAt` of the stored version this tab last read or wrote (0: none). */
  seen: number;
  /** Changed here and not written yet, or a write here failed. */
  unsaved: boolean;
}

/** Another tab saved `theirs`: leave this tab as it is, take their version, or ask the person. */
export function answerToChange(theirs: StoredRecord | undefined, basedOn: number, { mine, seen, unsaved }: Here): 'ignore' | 'take' | 'conflict' {
  // Nothing stored, or the very version this tab has (two tabs can share a millisecond).
  if (!theirs || (mine && sameRecord(mine, theirs))) return 'ignore';
  if (!mine) return 'take';
  // What is stored (read now, not the message's) is older than what this tab saw or wrote: another
  // tab wrote at the same moment without seeing it, and its clock was behind. Words would be lost.
  if (theirs.updatedAt < seen) return 'conflict';
  // Two tabs wrote at the same moment: the other one never saw the version this tab saved.
  const crossed = seen > basedOn;
  return unsaved || crossed ? 'conflict' : 'take';
}
