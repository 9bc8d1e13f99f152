/**
 * The unsaved-words journal. IndexedDB writes are asynchronous and may not finish once a page is
 * hidden, so as a page is left the store also copies its unsaved changes, synchronously, into
 * localStorage; the next `open()` saves any that are newer than what the backend holds, and each
 * entry is dropped once its words are written. With a passphrase lock it holds only sealed versions
 * under the records' sealed names. It belongs to the device's owner: a guest session (whose words
 * are in sessionStorage, written at once) and a browser that keeps nothing never read or clear it.
 */
import type { Sealed } from './crypto';
import { journalKey } from './keys';
import type { StoredRecord } from './schema';

interface Written {
  /** When the words were changed (the record's `updatedAt`). */
  updatedAt: number;
  /**
   * The stored version the tab had seen before it changed them: when the stored version is newer
   * than this at the next open, another tab saved too, and the person is asked which to keep.
   */
  basedOn: number;
  /**
   * Kept as soon as a conflict was found: only settling that conflict drops it, never another
   * tab's write of the version it conflicts with.
   */
  conflict?: true;
}

/** Without a lock: the record itself. */
export type PlainEntry = Written & { record: StoredRecord };
/** With a lock: only when and the encrypted version, never the words or which tool. */
export type SealedEntry = Written & { sealed: Sealed };
export type JournalEntry = PlainEntry | SealedEntry;

/** Entries by the storage key of their record (`record:<id>`, or its sealed name under a lock). */
export type Journal = Record<string, JournalEntry | LegacyEntry>;
/** Entries written before `basedOn`: a bare record, or `{ id, updatedAt, sealed }`. */
export type LegacyEntry = StoredRecord | { id: string; updatedAt: number; sealed: Sealed };

export function readJournal(): Journal {
  try {
    const journal: unknown = JSON.parse(localStorage.getItem(journalKey) ?? '{}');
    return typeof journal === 'object' && journal !== null && !Array.isArray(journal) ? (journal as Journal) : {};
  } catch {
    return {};
  }
}

/** False when localStorage refused: the words written last are then only in the asynchronous write. */
function writeJournal(journal: Journal): boolean {
  try {
    if (Object.keys(journal).length === 0) localStorage.removeItem(journalKey);
    else localStorage.setItem(journalKey, JSON.stringify(journal));
    return true;
  } catch {
    return false;
  }
}

/** True when this browser lets the journal be written (checked once, when a store opens). */
export function journalWorks(): boolean {
  try {
    localStorage.setItem(journalKey + '.probe', '1');
    localStorage.removeItem(journalKey + '.probe');
    return true;
  } catch {
    return false;
  }
}

/**
 * Where an entry goes: a conflict's words under a name of their own, so that newer words for the
 * same record (from the tab whose version won) never take their place before the person chose.
 */
const conflictPlace = (slot: string) => `${slot} (conflict)`;
const placeOf = (slot: string, entry: JournalEntry) => (entry.conflict ? conflictPlace(slot) : slot);

/** True for an entry kept because of a conflict (replayed after the others). */
export const isConflictEntry = (entry: Journal[string]) => 'conflict' in entry && entry.conflict === true;

/** Keep each entry unless the journal already holds a version at least as new. False when it could not. */
export function keepInJournal(entries: Array<[slot: string, entry: JournalEntry]>): boolean {
  const journal = readJournal();
  for (const [slot, entry] of entries) {
    const place = placeOf(slot, entry);
    if ((journal[place]?.updatedAt ?? 0) < entry.updatedAt) journal[place] = entry;
  }
  return writeJournal(journal);
}

export function clearJournal(): void {
  writeJournal({});
}

/**
 * A record was written: its journal entry is no longer needed, unless it holds newer words, or
 * words in a conflict not yet settled (`settled` when the person has just chosen).
 */
export function dropFromJournal(slot: string, savedAt: number, settled = false): void {
  const journal = readJournal();
  const places = settled ? [slot, conflictPlace(slot)] : [slot];
  let dropped = false;
  for (const place of places) {
    const entry = journal[place];
    if (entry && entry.updatedAt <= savedAt && (settled || !isConflictEntry(entry))) {
      delete journal[place];
      dropped = true;
    }
  }
  if (dropped) writeJournal(journal);
}
