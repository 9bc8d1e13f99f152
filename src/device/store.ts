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
 * Passphrase lock: with a passphrase set, every record (and the journal, and what was set aside)
 * is stored encrypted under a name that does not say which tool it is (`lock.ts`, `crypto.ts`), and
 * progress is not kept; the store opens locked, holding nothing, until `unlock()` gets the right
 * passphrase. `lockNow()` drops the key and every record from memory. Locking and unlocking reach
 * every open tab at once.
 *
 * A guest session's store (sessionStorage) has no channel to the owner's tabs and never touches
 * the owner's journal, records or lock: its *Forget everything* forgets the guest's words only.
 *
 * The records in memory and their saving are in `store-core.ts`; this file adds what a person or
 * another tab asks for. Each job keeps its own rules in its own file.
 */
import { forgetEverywhere, openBackend } from './backends';
import { clearJournal, dropFromJournal, journalWorks, keepInJournal } from './journal';
import { asidePrefix, metaKey, recordKey, recordPrefix, tabChannelName } from './keys';
import { defaultIterations, isSealed, keysFor, keysWith, loadCrypto, type LockKeys, namedRecordKey, newLock, withNames } from './lock';
import { migrations as defaultMigrations } from './migrations';
import { forgetProgress, markAnswered, pauseProgress } from './progress';
import { hasAnswer, parseRecord, schemaVersion as currentVersion, type StoredRecord } from './schema';
import { type Meta, StoreCore, type StoreOptions } from './store-core';
import { answerToChange, openTabChannel, type TabMessage } from './sync';

export type { Keeping, NotSavedReason, RecordInput, RecordState, SaveStatus, StoreStatus } from './store-core';

/** Under a lock, a record set aside is kept sealed with the key it had, under a name that says nothing. */
interface SealedAside {
  asideKey: string;
  value: unknown;
}
const isSealedAside = (value: unknown): value is SealedAside => typeof (value as SealedAside | null)?.asideKey === 'string';

/** Tell the other tabs the person is active at most this often (they then do not lock for idleness). */
const activityEveryMs = 20_000;
/** Keeping a browsing session unlocked across pages; loaded only on a device with a lock. */
const unlockSession = () => import('./unlock-session');

export class RecordStore extends StoreCore {
  private readonly activityListeners = new Set<() => void>();
  private activityShared = 0;
  /** Messages from other tabs are handled one at a time, in the order they were sent. */
  private receiving: Promise<void> = Promise.resolve();

  static async open(options: StoreOptions = {}): Promise<RecordStore> {
    const backend = options.backend ?? (await openBackend());
    const lasting = backend.kind === 'indexeddb' || backend.kind === 'localstorage';
    const store = new RecordStore(backend, {
      // Without the journal, the last words exist only until written: write them sooner.
      debounceMs: options.debounceMs ?? (lasting && !journalWorks() ? 100 : 500),
      now: options.now ?? Date.now,
      iterations: options.iterations ?? defaultIterations,
      migrations: options.migrations ?? defaultMigrations,
      schemaVersion: options.schemaVersion ?? currentVersion,
    });
    const meta = ((await backend.get(metaKey)) ?? {}) as Meta;
    store.lock = meta.lock;
    if (!store.lock) await store.load();
    else await store.reopenUnlocked();
    // A guest's words are in its own tab only, so it has nothing to tell the owner's tabs, and must
    // not: a guest's *Forget everything* is not the owner's.
    if (backend.kind !== 'session') {
      store.channel = openTabChannel(options.channelName ?? tabChannelName, (message) => {
        store.receiving = store.receiving.then(() => store.receive(message)).catch(() => undefined);
      });
      if (store.status.locked) store.post({ type: 'key-wanted' });
    }
    return store;
  }

  /**
   * For `pagehide`: keep unsaved changes in the journal at once (synchronously), then start
   * writing them. Whichever finishes, nothing typed in the last moment is lost. With a lock, the
   * journal holds only encrypted versions. False when words may still be lost: the journal could
   * not be written and the write has not finished (the page then asks before it is left).
   */
  saveBeforeLeaving(): boolean {
    let kept = this.pending.size === 0;
    if (!kept && this.ownsJournal) {
      const entries = [...this.pending].map((id) => this.journalEntry(id)).filter((entry) => entry !== undefined);
      kept = keepInJournal(entries) && entries.length === this.pending.size;
    }
    void this.flush();
    return kept;
  }

  /** Settle a conflict: keep this tab's version, or take the other tab's. */
  async resolveConflict(id: string, keep: 'mine' | 'theirs'): Promise<void> {
    const theirs = this.conflicts.get(id);
    if (!theirs) return;
    this.conflicts.delete(id);
    this.base.set(id, theirs.updatedAt);
    if (keep === 'theirs') {
      const mine = this.records.get(id);
      this.pending.delete(id);
      this.records.set(id, theirs);
      this.states.set(id, { status: 'saved' });
      // The words not chosen may be in the journal still (their tab closed unanswered): not any more.
      if (this.ownsJournal && mine) dropFromJournal(await this.slotOf(id), mine.updatedAt, true);
      this.notify();
      return;
    }
    const mine = this.records.get(id);
    // Settled: the conflict's journal entry goes; the words chosen are written now (and journaled as any).
    if (this.ownsJournal && mine) dropFromJournal(await this.slotOf(id), mine.updatedAt, true);
    if (mine) this.update(mine);
    await this.flush();
  }

  /**
   * Put many records in at once (an import): all are written, or none is. IndexedDB writes them in
   * one transaction (a tab closed half-way writes nothing); elsewhere, on a failure the records as
   * they were are written back, and the error is thrown for the caller to report. A file's times
   * are its own claim: none is kept later than now, so the next change is always newer.
   */
  async putAll(incoming: StoredRecord[]): Promise<void> {
    if (this.status.locked) throw new Error('The store is locked.');
    await this.flush();
    const now = this.options.now();
    const records = incoming.map((record) => (record.updatedAt > now ? { ...record, updatedAt: now } : record));
    const writes: Array<[string, unknown]> = [];
    for (const record of records) writes.push([await this.slotOf(record.id), await this.toStored(record)]);
    if (this.backend.setAll) await this.backend.setAll(writes);
    else await this.setEach(writes);
    const changes = records.map((record) => ({ id: record.id, basedOn: this.base.get(record.id) ?? 0 }));
    for (const record of records) {
      this.records.set(record.id, record);
      this.base.set(record.id, record.updatedAt);
      this.states.set(record.id, { status: 'saved' });
    }
    if (!this.lock) markAnswered(...records.filter((record) => hasAnswer(record)).map((record): [string, string] => [record.module, record.id]));
    this.post({ type: 'changed', changes });
    this.notify();
  }

  /** Writes one by one; on a failure, puts back what was there before. */
  private async setEach(writes: Array<[string, unknown]>): Promise<void> {
    const before = new Map<string, unknown>();
    for (const [key] of writes) before.set(key, await this.backend.get(key));
    const written: string[] = [];
    try {
      for (const [key, value] of writes) {
        await this.backend.set(key, value);
        written.push(key);
      }
    } catch (error) {
      for (const key of written) {
        const previous = before.get(key);
        await (previous === null || previous === undefined ? this.backend.remove(key) : this.backend.set(key, previous)).catch(() => undefined);
      }
      throw error;
    }
  }

  /**
   * Forget everything on this device: every record, every aside, progress, the lock, everywhere.
   * In a guest session: the guest's words only; the owner's are not the guest's to remove.
   */
  async forgetEverything(): Promise<void> {
    clearTimeout(this.timer);
    this.pending.clear();
    await this.flushing.catch(() => undefined);
    await this.backend.clear();
    if (this.ownsJournal) {
      await forgetEverywhere();
      clearJournal();
    }
    // A guest's other tabs and saved recordings go too; loaded only here, as only a guest needs it.
    if (this.backend.kind === 'session') await (await import('./guest')).forgetGuest();
    forgetProgress();
    if (this.keepsUnlock && this.lock) await (await unlockSession()).endUnlock();
    this.lock = undefined;
    this.keys = undefined;
    this.clearMemory();
    this.post({ type: 'forgotten' });
  }

  /** Raw records that failed validation, to include in an export so nothing is lost. */
  async asideRecords(): Promise<Array<{ key: string; value: unknown }>> {
    if (this.asideCount === 0) return []; // and no need to touch (or re-create) the storage
    const entries = await this.backend.entries();
    const aside = entries.filter(([key]) => key.startsWith(asidePrefix));
    return Promise.all(
      aside.map(async ([key, value]) => {
        const opened = isSealed(value) ? await this.fromStored(value) : value;
        return isSealedAside(opened) ? { key: opened.asideKey, value: opened.value } : { key, value: opened ?? value };
      }),
    );
  }

  /** Protect the records with a passphrase: each is written again, encrypted, under a sealed name. */
  async setPassphrase(passphrase: string, idleMinutes: number): Promise<void> {
    if (this.status.locked) throw new Error('The store is locked.');
    await this.flush();
    const crypto = (this.crypto ??= await loadCrypto());
    const { lock, keys } = await newLock(crypto, passphrase, idleMinutes, this.options.iterations);
    // The lock first: should the page close half-way, the next unlock seals what is left.
    await this.backend.set(metaKey, { ...(await this.meta()), lock });
    this.lock = lock;
    this.keys = keys;
    await this.sealLeftovers();
    clearJournal(); // any plaintext left from before the lock
    pauseProgress();
    this.post({ type: 'lock-changed' });
    this.post({ type: 'unlocked', key: keys.key });
    this.notify();
  }

  /**
   * Under the lock nothing readable is left: records still in the clear or under their plain names
   * (from before the lock, or a page closed half-way) are sealed under their sealed names, and
   * what was set aside in the clear is sealed under a name that says nothing.
   */
  private async sealLeftovers(): Promise<void> {
    const { keys, crypto } = this;
    if (!keys || !crypto) return;
    for (const record of this.records.values()) {
      const was = this.slots.get(record.id);
      const slot = await namedRecordKey(crypto, keys.names, record.id);
      if (was === slot && isSealed(await this.backend.get(slot))) continue;
      await this.backend.set(slot, await crypto.seal(keys.key, record));
      this.slots.set(record.id, slot);
      if (was && was !== slot) await this.backend.remove(was);
    }
    for (const [key, value] of await this.backend.entries()) {
      if (!key.startsWith(asidePrefix) || isSealed(value)) continue;
      await this.backend.set(`${asidePrefix}${crypto.randomSalt().replace(/[^a-z0-9]/gi, '')}`, await crypto.seal(keys.key, { asideKey: key, value }));
      await this.backend.remove(key);
    }
  }

  /** Try a passphrase; true when it was right and the records are readable again (in every tab). */
  async unlock(passphrase: string): Promise<boolean> {
    if (!this.lock) return true;
    const crypto = (this.crypto ??= await loadCrypto());
    const found = await keysFor(crypto, this.lock, passphrase);
    if (!found) return false;
    let names = found.names;
    if (!names) {
      // A lock from before record names were sealed: give it a naming secret now.
      const upgraded = await withNames(crypto, this.lock, found.key);
      await this.backend.set(metaKey, { ...(await this.meta()), lock: upgraded.lock });
      this.lock = upgraded.lock;
      names = upgraded.names;
    }
    // Remembered before the words show: a page opened straight after must not ask again.
    await this.keepUnlocked(found.key);
    await this.openWith({ key: found.key, names });
    this.post({ type: 'unlocked', key: found.key });
    return true;
  }

  /** Only the owner's IndexedDB store keeps a browsing session unlocked (never a guest's). */
  private get keepsUnlock(): boolean {
    return this.backend.kind === 'indexeddb';
  }

  /** A new page of a browsing session that was unlocked, still within its idle time: open, no question. */
  private async reopenUnlocked(): Promise<void> {
    if (!this.keepsUnlock || !this.lock) return;
    const session = await unlockSession();
    const key = await session.recallUnlock(this.options.now());
    if (!key) return;
    const crypto = (this.crypto ??= await loadCrypto());
    const found = await keysWith(crypto, this.lock, key);
    if (found?.names) await this.openWith({ key: found.key, names: found.names });
    else await session.endUnlock();
  }

  /** Remember the key for the next pages of this browsing session (see unlock-session.ts). */
  private async keepUnlocked(key: CryptoKey): Promise<void> {
    if (this.keepsUnlock && this.lock) await (await unlockSession()).rememberUnlock(key, this.lock.idleMinutes, this.options.now());
  }

  private async openWith(keys: LockKeys): Promise<void> {
    this.keys = keys;
    this.clearMemory(true);
    await this.load();
    await this.sealLeftovers();
    this.notify();
  }

  /** Lock now, in every open tab: save what is pending, then hold nothing readable in memory. */
  async lockNow(): Promise<void> {
    if (!this.lock || !this.keys) return;
    await this.lockHere();
    this.post({ type: 'locked' });
  }

  private async lockHere(): Promise<void> {
    await this.flush();
    this.keys = undefined;
    this.clearMemory();
    if (this.keepsUnlock) await (await unlockSession()).endUnlock();
  }

  /** Take the passphrase away: every record is written again in the clear, under its plain name. */
  async removeLock(): Promise<void> {
    if (this.status.locked) throw new Error('The store is locked.');
    await this.flush();
    for (const record of this.records.values()) {
      const was = await this.slotOf(record.id);
      await this.backend.set(recordKey(record.id), record);
      if (was !== recordKey(record.id)) await this.backend.remove(was);
    }
    for (const [key, value] of await this.backend.entries()) {
      if (!key.startsWith(asidePrefix) || !isSealed(value)) continue;
      const opened = await this.fromStored(value);
      if (opened === undefined) continue; // cannot be opened with this key: it stays as it was
      if (isSealedAside(opened)) {
        await this.backend.set(opened.asideKey, opened.value);
        await this.backend.remove(key);
      } else await this.backend.set(key, opened);
    }
    const { lock: _dropped, ...meta } = await this.meta();
    await this.backend.set(metaKey, meta);
    forgetProgress(); // no longer paused
    this.lock = undefined;
    this.keys = undefined;
    this.slots.clear();
    if (this.keepsUnlock) await (await unlockSession()).endUnlock();
    this.post({ type: 'lock-changed' });
    this.notify();
  }

  /** The person did something on this page: the other tabs do not lock for idleness either. */
  shareActivity(): void {
    const now = Date.now();
    if (now - this.activityShared < activityEveryMs) return;
    this.activityShared = now;
    this.post({ type: 'active' });
    // The next page of this browsing session counts the idle time from here.
    if (this.keepsUnlock && this.keys) void unlockSession().then((session) => session.touchUnlock(now));
  }

  /** Called when the person is active in another tab. */
  onActivityElsewhere(listener: () => void): () => void {
    this.activityListeners.add(listener);
    return () => this.activityListeners.delete(listener);
  }

  /** Another tab saved, forgot everything, set or removed the lock, locked or unlocked (rules in sync.ts). */
  private async receive(message: TabMessage): Promise<void> {
    switch (message.type) {
      case 'active':
        for (const listener of this.activityListeners) listener();
        return;
      case 'locked':
        if (this.keys) await this.lockHere();
        return;
      case 'key-wanted':
        if (this.keys) this.post({ type: 'unlocked', key: this.keys.key });
        return;
      case 'unlocked':
        return this.unlockedElsewhere(message.key);
      case 'lock-changed':
        return this.lockChangedElsewhere();
      case 'forgotten':
        return this.forgottenElsewhere();
      case 'changed':
        return this.changedElsewhere(message.changes);
    }
  }

  /** Only what storage says is believed: a message alone never takes away a lock that is still there. */
  private async forgottenElsewhere(): Promise<void> {
    if ((await this.meta()).lock) return;
    this.lock = undefined;
    this.keys = undefined;
    this.clearMemory();
  }

  private async lockChangedElsewhere(): Promise<void> {
    const { lock } = await this.meta();
    if (!lock) {
      if (!this.lock) return;
      this.lock = undefined;
      this.keys = undefined;
      this.clearMemory(true);
      await this.load();
      this.notify();
      return;
    }
    if (this.keys && this.crypto && (await keysWith(this.crypto, lock, this.keys.key))) {
      this.lock = lock; // the same passphrase (the idle time may have changed)
      return;
    }
    // A new lock: words typed here are written first (sealed when the key arrives), then nothing is held.
    await this.flush();
    this.lock = lock;
    this.keys = undefined;
    this.clearMemory();
  }

  private async unlockedElsewhere(key: CryptoKey): Promise<void> {
    const { lock } = await this.meta();
    if (!lock || this.keys) return;
    const crypto = (this.crypto ??= await loadCrypto());
    const found = await keysWith(crypto, lock, key);
    if (!found?.names) return; // not this lock's key
    this.lock = lock;
    await this.keepUnlocked(found.key);
    await this.openWith({ key: found.key, names: found.names });
  }

  private async changedElsewhere(changes: Array<{ id: string; basedOn: number }>): Promise<void> {
    if (this.status.locked) return;
    // An import elsewhere: one read of everything rather than thousands of single reads.
    const all = changes.length > 20 ? await this.readAll() : undefined;
    for (const { id, basedOn } of changes) {
      const stored = all ? all.get(id) : await this.readStored(id);
      const unsaved = this.pending.has(id) || this.state(id)?.status === 'not-saved';
      const answer = answerToChange(stored, basedOn, { mine: this.records.get(id), seen: this.base.get(id) ?? 0, unsaved });
      if (answer === 'ignore' || !stored) continue;
      if (answer === 'conflict') this.inConflict(id, stored);
      else {
        this.records.set(id, stored);
        this.base.set(id, stored.updatedAt);
      }
    }
    this.notify();
  }

  private async readAll(): Promise<Map<string, StoredRecord>> {
    const all = new Map<string, StoredRecord>();
    for (const [key, stored] of await this.backend.entries()) {
      if (!key.startsWith(recordPrefix)) continue;
      const record = parseRecord(await this.fromStored(stored));
      if (record) all.set(record.id, record);
    }
    return all;
  }
}
