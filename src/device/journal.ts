/**
 * The unsaved-words journal. IndexedDB writes are asynchronous and may not finish once a page is
 * hidden, so as a page is left the store also copies its unsaved changes, synchronously, into
 * localStorage; the next `open()` saves any that are newer than what the backend holds, and each
 * entry is dropped once its words are written. With a passphrase lock it holds only sealed versions.
 */
import type { Sealed } from './crypto';
import { journalKey } from './keys';
import type { StoredRecord } from './schema';

/** With a lock, only when the record was changed and its encrypted version: never the words. */
export interface SealedEntry {
  id: string;
  updatedAt: number;
  sealed: Sealed;
}

export type JournalEntry = StoredRecord | SealedEntry;

export function readJournal(): Record<string, JournalEntry> {
  try {
    const journal: unknown = JSON.parse(localStorage.getItem(journalKey) ?? '{}');
    return typeof journal === 'object' && journal !== null && !Array.isArray(journal) ? (journal as Record<string, JournalEntry>) : {};
  } catch {
    return {};
  }
}

function writeJournal(journal: Record<string, JournalEntry>): void {
  try {
    if (Object.keys(journal).length === 0) localStorage.removeItem(journalKey);
    else localStorage.setItem(journalKey, JSON.stringify(journal));
  } catch {
    // No localStorage: the asynchronous write that follows is all there is.
  }
}

/** Keep each entry unless the journal already holds a version at least as new. */
export function keepInJournal(entries: JournalEntry[]): void {
  const journal = readJournal();
  for (const entry of entries) if ((journal[entry.id]?.updatedAt ?? 0) < entry.updatedAt) journal[entry.id] = entry;
  writeJournal(journal);
}

export function clearJournal(): void {
  writeJournal({});
}

/** A record was written: its journal entry is no longer needed, unless it holds newer words. */
export function dropFromJournal(id: string, savedAt: number): void {
  const journal = readJournal();
  const entry = journal[id];
  if (entry && entry.updatedAt <= savedAt) {
    delete journal[id];
    writeJournal(journal);
  }
}
