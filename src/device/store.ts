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
 * This file holds what those jobs share (the records, what is pending, the key) and the order in
 * which things happen; each job keeps its own rules in its own file.
 */
import { type Backend, type BackendKind, forgetEverywhere, openBackend } from './backends';
import { clearJournal, dropFromJournal, keepInJournal, type JournalEntry, readJournal, type SealedEntry } from './journal';
import { asidePrefix, metaKey, recordKey, recordPrefix, tabChannelName } from './keys';
import { type Crypto, defaultIterations, keyFor, loadCrypto, type LockMeta, newLock, unseal } from './lock';
import { type Migration, migrateRecord, migrations as defaultMigrations } from './migrations';
import { forgetProgress, markAnswered } from './progress';
import { hasAnswer, parseRecord, schemaVersion as currentVersion, type StoredRecord, type ToolKind, type ValueOf } from './schema';
import { answerToChange, openTabChannel, savedElsewhere, type TabMessage } from './sync';

export type SaveStatus = 'saved' | 'saving' | 'not-saved' | 'conflict';
/** Why a record was not saved: the device is full, or the browser refused for another reason. */
export type NotSavedReason = 'quota' | 'failed';

export interface RecordState {
  status: SaveStatus;
  reason?: NotSavedReason;
}

export interface StoreStatus {
  backend: BackendKind;
  /** False when words will be gone once the browser closes (no IndexedDB, or a guest session). */
  keptAfterClosing: boolean;
  /** Records that could not be read and were moved aside. */
  asideCount: number;
  /** A passphrase protects the records on this device. */
  lockEnabled: boolean;
  /** Locked now: nothing can be read or written until the passphrase is given. */
  locked: boolean;
  /** Lock again after this many idle minutes (0: only when asked). */
  idleMinutes: number;
}

/**
 * What a tool saves (the store adds the time). One member per kind, so a value always has the
 * shape of its kind; a tool generic over its kind `K` passes a `RecordInput<K>` as it is.
 */
export type RecordInput<K extends ToolKind = ToolKind> = { [Kind in K]: { id: string; module: string; kind: Kind; value: ValueOf[Kind] } }[K];

interface Options {
  backend?: Backend;
  /** BroadcastChannel name; tests give each pair of stores their own. */
  channelName?: string;
  debounceMs?: number;
  migrations?: Record<number, Migration>;
  schemaVersion?: number;
  /** Clock, for tests. */
  now?: () => number;
  /** PBKDF2 iterations for a new passphrase (tests use fewer to stay fast). */
  iterations?: number;
}

interface Meta {
  schemaVersion?: number;
  lock?: LockMeta;
}

export class RecordStore {
  private readonly records = new Map<string, StoredRecord>();
  /** Changed here and not yet written (including while a write is under way). */
  private readonly pending = new Set<string>();
  /** The `updatedAt` of the stored version this tab last read or wrote, per record. */
  private readonly base = new Map<string, number>();
  private readonly states = new Map<string, RecordState>();
  /** Another tab's newer version of a record this tab also changed. */
  private readonly conflicts = new Map<string, StoredRecord>();
  /** With a lock: the latest pending version of each record, already encrypted, for the journal. */
  private readonly sealedPending = new Map<string, SealedEntry>();
  private readonly listeners = new Set<() => void>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private flushing: Promise<void> = Promise.resolve();
  private asideCount = 0;
  private persistAsked = false;
  private channel: BroadcastChannel | undefined;
  private lock: LockMeta | undefined;
  private key: CryptoKey | undefined;
  private crypto: Crypto | undefined;

  private constructor(
    private readonly backend: Backend,
    private readonly options: Required<Pick<Options, 'debounceMs' | 'now' | 'iterations' | 'migrations' | 'schemaVersion'>>,
  ) {}

  static async open(options: Options = {}): Promise<RecordStore> {
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

  get status(): StoreStatus {
    return {
      backend: this.backend.kind,
      keptAfterClosing: this.backend.kind === 'indexeddb',
      asideCount: this.asideCount,
      lockEnabled: this.lock !== undefined,
      locked: this.lock !== undefined && this.key === undefined,
      idleMinutes: this.lock?.idleMinutes ?? 0,
    };
  }

  get(id: string): StoredRecord | undefined {
    return this.records.get(id);
  }

  all(): StoredRecord[] {
    return [...this.records.values()];
  }

  /** How saving is going for a record; undefined when nothing was ever saved under `id`. */
  state(id: string): RecordState | undefined {
    return this.states.get(id) ?? (this.records.has(id) ? { status: 'saved' } : undefined);
  }

  /** The other tab's version, when this record is in conflict. */
  conflict(id: string): StoredRecord | undefined {
    return this.conflicts.get(id);
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Change a record now (in memory) and save it soon. Ignored while locked. */
  update<K extends ToolKind>(input: RecordInput<K>): void;
  // The body sees the union of kinds: TypeScript cannot narrow a generic `K` to one of them.
  update(input: RecordInput): void {
    if (this.status.locked) return;
    // Always later than any version this tab has seen, even within the same millisecond.
    const seen = Math.max(this.base.get(input.id) ?? 0, this.records.get(input.id)?.updatedAt ?? 0);
    const record: StoredRecord = { ...input, updatedAt: Math.max(this.options.now(), seen + 1) };
    this.records.set(record.id, record);
    this.pending.add(record.id);
    if (this.state(record.id)?.status !== 'conflict') this.states.set(record.id, { status: 'saving' });
    if (this.key && this.crypto) this.sealForJournal(record, this.key, this.crypto);
    this.notify();
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), this.options.debounceMs);
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

  /** Write every pending change now. Safe to call often; writes happen one batch at a time. */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.flushing = this.flushing.then(() => this.writePending());
    return this.flushing;
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
        const restore = previous
          ? this.toStored(previous).then((value) => this.backend.set(recordKey(id), value))
          : this.backend.remove(recordKey(id));
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

  private async meta(): Promise<Meta> {
    return ((await this.backend.get(metaKey)) ?? {}) as Meta;
  }

  private async load(): Promise<void> {
    const { schemaVersion: version, migrations } = this.options;
    const entries = await this.backend.entries();
    const meta = (entries.find(([key]) => key === metaKey)?.[1] ?? {}) as Meta;
    const hasRecords = entries.some(([key]) => key.startsWith(recordPrefix));
    const storedVersion = meta.schemaVersion ?? (hasRecords ? 0 : version);
    this.asideCount = 0;
    for (const [key, stored] of entries) {
      if (key.startsWith(asidePrefix)) this.asideCount++;
      if (!key.startsWith(recordPrefix)) continue;
      const record = migrateRecord(await this.fromStored(stored), storedVersion, version, migrations);
      if (record) {
        this.records.set(record.id, record);
        this.base.set(record.id, record.updatedAt);
        if (storedVersion !== version) await this.backend.set(key, await this.toStored(record));
      } else {
        await this.setAside(key, stored);
      }
    }
    if (meta.schemaVersion !== version) await this.backend.set(metaKey, { ...meta, schemaVersion: version });
    await this.replayJournal();
  }

  /** Changes kept in the journal when a page closed before they were written: save the newer ones. */
  private async replayJournal(): Promise<void> {
    const journal = readJournal();
    if (Object.keys(journal).length === 0) return;
    for (const entry of Object.values(journal)) {
      const raw = 'sealed' in entry ? await this.fromStored(entry.sealed) : this.lock ? undefined : entry;
      const record = parseRecord(raw);
      if (!record || record.updatedAt <= (this.records.get(record.id)?.updatedAt ?? 0)) continue;
      this.records.set(record.id, record);
      this.pending.add(record.id);
    }
    await this.flush();
    if (this.pending.size === 0) clearJournal();
  }

  /** What to write for a record: itself, or sealed with the key when there is a lock. */
  private async toStored(record: StoredRecord): Promise<unknown> {
    return this.key && this.crypto ? this.crypto.seal(this.key, record) : record;
  }

  /** What a stored value holds: opened with the key when it is sealed (undefined if it cannot be). */
  private fromStored(stored: unknown): Promise<unknown> {
    return unseal(stored, this.key, this.crypto);
  }

  private sealForJournal(record: StoredRecord, key: CryptoKey, crypto: Crypto): void {
    void crypto.seal(key, record).then((sealed) => {
      const latest = this.sealedPending.get(record.id);
      if (!latest || latest.updatedAt < record.updatedAt) this.sealedPending.set(record.id, { id: record.id, updatedAt: record.updatedAt, sealed });
    });
  }

  private async setAside(key: string, raw: unknown): Promise<void> {
    await this.backend.set(`${asidePrefix}${this.options.now()}:${key}`, raw);
    await this.backend.remove(key);
    this.asideCount++;
  }

  private async writePending(): Promise<void> {
    for (const id of [...this.pending]) {
      const mine = this.records.get(id);
      if (!mine) {
        this.pending.delete(id);
        continue;
      }
      // A record in conflict stays pending until the person settles it.
      if (this.conflicts.has(id)) continue;
      const stored = await this.readStored(id);
      if (this.conflicts.has(id)) continue; // another tab's message arrived meanwhile
      if (savedElsewhere(stored, this.base.get(id) ?? 0, mine)) {
        this.conflicts.set(id, stored);
        this.states.set(id, { status: 'conflict' });
        this.notify();
        continue;
      }
      try {
        const basedOn = this.base.get(id) ?? 0;
        await this.backend.set(recordKey(id), await this.toStored(mine));
        this.base.set(id, mine.updatedAt);
        dropFromJournal(id, mine.updatedAt);
        // Typed on while this was written: the newer words stay pending for the next write.
        if (this.records.get(id) === mine) {
          this.pending.delete(id);
          this.sealedPending.delete(id);
          this.states.set(id, { status: 'saved' });
        }
        if (hasAnswer(mine)) markAnswered(mine.module, mine.id);
        this.post({ type: 'changed', id, basedOn });
        void this.askToPersist();
      } catch (error) {
        // Still pending: tried again with the next change, the next flush or leaving the page.
        this.states.set(id, { status: 'not-saved', reason: isQuotaError(error) ? 'quota' : 'failed' });
      }
      this.notify();
    }
  }

  private async readStored(id: string): Promise<StoredRecord | undefined> {
    try {
      return parseRecord(await this.fromStored(await this.backend.get(recordKey(id))));
    } catch {
      return undefined;
    }
  }

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

  private post(message: TabMessage): void {
    this.channel?.postMessage(message);
  }

  private clearMemory(): void {
    this.records.clear();
    this.pending.clear();
    this.base.clear();
    this.states.clear();
    this.conflicts.clear();
    this.sealedPending.clear();
    this.asideCount = 0;
    this.notify();
  }

  /** Ask once for storage the browser will not clear on its own when space runs low. */
  private async askToPersist(): Promise<void> {
    if (this.persistAsked || this.backend.kind !== 'indexeddb') return;
    this.persistAsked = true;
    try {
      if (!(await navigator.storage?.persisted?.())) await navigator.storage?.persist?.();
    } catch {
      // Persistence is a bonus; without it the records are still saved.
    }
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}

function isQuotaError(error: unknown): boolean {
  const name = (error as { name?: string } | null)?.name ?? '';
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || /quota/i.test(String(error));
}
