/**
 * The one door to what a person writes: every tool reads and saves through a `RecordStore`.
 *
 * Lifecycle: `open()` picks a backend (IndexedDB, else localStorage, else memory; sessionStorage
 * in a guest session), migrates old records, validates each one (a record that fails is moved
 * aside under an `aside:` key, never deleted), then serves reads from memory. `update()` changes a
 * record at once in memory and saves it after a short pause (debounced), or at once on `flush()`.
 * Each record has a state the UI shows: saving, saved, not saved (and why), or a conflict.
 *
 * Leaving the page: IndexedDB writes are asynchronous and may not finish once a page is hidden,
 * so `saveBeforeLeaving()` also copies unsaved changes synchronously into localStorage (the
 * journal, `journal.ts`); the next `open()` saves any that are newer than what IndexedDB holds.
 *
 * Two tabs: after each save a BroadcastChannel message tells the other tabs, which reload that
 * record. A tab never overwrites a newer version saved by another tab: if both changed the same
 * record, the record is in conflict until the person picks which version to keep (`sync.ts`).
 *
 * Passphrase lock: with a passphrase set, every record (and the journal) is stored encrypted
 * (`lock.ts`, `crypto.ts`); the store opens locked, holding nothing, until `unlock()` gets the right
 * passphrase. `lockNow()` drops the key and every record from memory.
 *
 * The records in memory and their saving are in `store-core.ts`; this file adds what a person or
 * another tab asks for. Each job keeps its own rules in its own file.
 */
import { forgetEverywhere, openBackend } from './backends';
import { clearJournal, type JournalEntry, keepInJournal } from './journal';
import { asidePrefix, metaKey, recordKey, tabChannelName } from './keys';
import { defaultIterations, keyFor, loadCrypto, newLock } from './lock';
import { migrations as defaultMigrations } from './migrations';
import { forgetProgress, markAnswered } from './progress';
import { hasAnswer, schemaVersion as currentVersion, type StoredRecord } from './schema';
import { type Meta, StoreCore, type StoreOptions } from './store-core';
import { answerToChange, openTabChannel, type TabMessage } from './sync';

export type { NotSavedReason, RecordInput, RecordState, SaveStatus, StoreStatus } from './store-core';

export class RecordStore extends StoreCore {
  static async open(options: StoreOptions = {}): Promise<RecordStore> {
    const backend = options.backend ?? (await openBackend());
    const store = new RecordStore(backend, {
      debounceMs: options.debounceMs ?? 500,
      now: options.now ?? Date.now,
      iterations: options.iterations ?? defaultIterations,
      migrations: options.migrations ?? defaultMigrations,
      schemaVersion: options.schemaVersion ?? currentVersion,
    });
    const meta = ((await backend.get(metaKey)) ?? {}) as Meta;
    store.lock = meta.lock;
    if (!store.lock) await store.load();
    store.channel = openTabChannel(options.channelName ?? tabChannelName, (message) => void store.receive(message));
    return store;
  }

  /**
   * For `pagehide`: keep unsaved changes in the journal at once (synchronously), then start
   * writing them. Whichever finishes, nothing typed in the last moment is lost. With a lock, the
   * journal holds only encrypted versions.
   */
  saveBeforeLeaving(): void {
    if (this.pending.size > 0 && this.backend.kind !== 'memory' && this.backend.kind !== 'session') {
      const entries: JournalEntry[] = [];
      for (const id of this.pending) {
        const entry = this.lock ? this.sealedPending.get(id) : this.records.get(id);
        if (entry) entries.push(entry);
      }
      keepInJournal(entries);
    }
    void this.flush();
  }

  /** Settle a conflict: keep this tab's version, or take the other tab's. */
  async resolveConflict(id: string, keep: 'mine' | 'theirs'): Promise<void> {
    const theirs = this.conflicts.get(id);
    if (!theirs) return;
    this.conflicts.delete(id);
    this.base.set(id, theirs.updatedAt);
    if (keep === 'theirs') {
      this.pending.delete(id);
      this.records.set(id, theirs);
      this.states.set(id, { status: 'saved' });
      this.notify();
      return;
    }
    const mine = this.records.get(id);
    if (mine) this.update(mine);
    await this.flush();
  }

  /**
   * Put many records in at once (an import): all are written, or none is. On a failure the
   * records as they were are written back, and the error is thrown for the caller to report.
   */
  async putAll(records: StoredRecord[]): Promise<void> {
    if (this.status.locked) throw new Error('The store is locked.');
    await this.flush();
    const before = new Map(records.map((r) => [r.id, this.records.get(r.id)]));
    const written: string[] = [];
    try {
      for (const record of records) {
        await this.backend.set(recordKey(record.id), await this.toStored(record));
        written.push(record.id);
      }
    } catch (error) {
      for (const id of written) {
        const previous = before.get(id);
        const restore = previous ? this.toStored(previous).then((value) => this.backend.set(recordKey(id), value)) : this.backend.remove(recordKey(id));
        await restore.catch(() => undefined);
      }
      throw error;
    }
    for (const record of records) {
      const basedOn = this.base.get(record.id) ?? 0;
      this.records.set(record.id, record);
      this.base.set(record.id, record.updatedAt);
      this.states.set(record.id, { status: 'saved' });
      if (hasAnswer(record)) markAnswered(record.module, record.id);
      this.post({ type: 'changed', id: record.id, basedOn });
    }
    this.notify();
  }

  /** Forget everything on this device: every record, every aside, progress, the lock, everywhere. */
  async forgetEverything(): Promise<void> {
    clearTimeout(this.timer);
    this.pending.clear();
    await this.flushing.catch(() => undefined);
    await this.backend.clear();
    if (this.backend.kind !== 'memory' && this.backend.kind !== 'session') await forgetEverywhere();
    forgetProgress();
    clearJournal();
    this.lock = undefined;
    this.key = undefined;
    this.clearMemory();
    this.post({ type: 'forgotten' });
  }

  /** Raw records that failed validation, to include in an export so nothing is lost. */
  async asideRecords(): Promise<Array<{ key: string; value: unknown }>> {
    if (this.asideCount === 0) return []; // and no need to touch (or re-create) the storage
    const entries = await this.backend.entries();
    return entries.filter(([key]) => key.startsWith(asidePrefix)).map(([key, value]) => ({ key, value }));
  }

  /** Protect the records with a passphrase: each is written again, encrypted. */
  async setPassphrase(passphrase: string, idleMinutes: number): Promise<void> {
    if (this.status.locked) throw new Error('The store is locked.');
    await this.flush();
    const crypto = (this.crypto ??= await loadCrypto());
    const { lock, key } = await newLock(crypto, passphrase, idleMinutes, this.options.iterations);
    for (const record of this.records.values()) await this.backend.set(recordKey(record.id), await crypto.seal(key, record));
    await this.backend.set(metaKey, { ...(await this.meta()), lock });
    clearJournal(); // any plaintext left from before the lock
    this.lock = lock;
    this.key = key;
    this.post({ type: 'lock-changed' });
    this.notify();
  }

  /** Try a passphrase; true when it was right and the records are readable again. */
  async unlock(passphrase: string): Promise<boolean> {
    if (!this.lock) return true;
    const crypto = (this.crypto ??= await loadCrypto());
    const key = await keyFor(crypto, this.lock, passphrase);
    if (!key) return false;
    this.key = key;
    await this.load();
    this.notify();
    return true;
  }

  /** Lock now: save what is pending, then hold nothing readable in memory. */
  async lockNow(): Promise<void> {
    if (!this.lock || !this.key) return;
    await this.flush();
    this.key = undefined;
    this.clearMemory();
  }

  /** Take the passphrase away: every record is written again in the clear. */
  async removeLock(): Promise<void> {
    if (this.status.locked) throw new Error('The store is locked.');
    await this.flush();
    for (const record of this.records.values()) await this.backend.set(recordKey(record.id), record);
    const { lock: _dropped, ...meta } = await this.meta();
    await this.backend.set(metaKey, meta);
    this.lock = undefined;
    this.key = undefined;
    this.post({ type: 'lock-changed' });
    this.notify();
  }

  /** Another tab saved a record, forgot everything, or set or removed the lock (rules in sync.ts). */
  private async receive(message: TabMessage): Promise<void> {
    if (message.type === 'forgotten') {
      this.lock = undefined;
      this.key = undefined;
      this.clearMemory();
      return;
    }
    if (message.type === 'lock-changed') {
      // Another tab set or removed the passphrase: this tab's key (if any) no longer fits.
      const { lock } = await this.meta();
      const hadKey = this.key !== undefined;
      this.lock = lock;
      this.key = undefined;
      this.clearMemory();
      if (!lock || !hadKey) await this.load();
      this.notify();
      return;
    }
    if (this.status.locked) return;
    const { id, basedOn } = message;
    const stored = await this.readStored(id);
    const unsaved = this.pending.has(id) || this.state(id)?.status === 'not-saved';
    const answer = answerToChange(stored, basedOn, { mine: this.records.get(id), seen: this.base.get(id) ?? 0, unsaved });
    if (answer === 'ignore' || !stored) return;
    if (answer === 'conflict') {
      this.conflicts.set(id, stored);
      this.states.set(id, { status: 'conflict' });
    } else {
      this.records.set(id, stored);
      this.base.set(id, stored.updatedAt);
    }
    this.notify();
  }
}
