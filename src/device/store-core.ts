/**
 * The record store's core: the records in memory, their save states, and getting them to and from
 * the backend. `update()` changes a record at once in memory and saves it after a short pause
 * (debounced), or at once on `flush()`; writes go one batch at a time. `load()` migrates, validates
 * and sets aside what cannot be read, then saves any newer words the journal kept.
 *
 * `RecordStore` (store.ts) extends it with what a person or another tab asks for: opening, leaving
 * the page, settling a conflict, importing, forgetting and the lock. They share this state, so
 * what the subclass needs is `protected` and the rest stays `private`.
 */
import type { Backend, BackendKind } from './backends';
import {
  clearJournal,
  dropFromJournal,
  isConflictEntry,
  type Journal,
  type JournalEntry,
  journalWorks,
  keepInJournal,
  readJournal,
  type SealedEntry,
} from './journal';
import { asidePrefix, metaKey, recordKey, recordPrefix } from './keys';
import { type Crypto, type LockKeys, type LockMeta, namedRecordKey, unseal } from './lock';
import { type Migration, migrateRecord } from './migrations';
import { markAnswered } from './progress';
import { hasAnswer, parseRecord, type StoredRecord, type ToolKind, type ValueOf } from './schema';
import { sameRecord, savedElsewhere, type TabMessage } from './sync';

export type SaveStatus = 'saved' | 'saving' | 'not-saved' | 'conflict';
/** Why a record was not saved: the device is full, or the browser refused for another reason. */
export type NotSavedReason = 'quota' | 'failed';

export interface RecordState {
  status: SaveStatus;
  reason?: NotSavedReason;
}

/**
 * How long what is saved lasts, as the person is told: on this device until they remove it
 * (IndexedDB, or localStorage where IndexedDB is blocked); until the guest session ends; or only
 * while this page is open (the browser keeps nothing, so memory is all there is).
 */
export type Keeping = 'device' | 'guest' | 'page';

export interface StoreStatus {
  backend: BackendKind;
  kept: Keeping;
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

export interface StoreOptions {
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

/** What the backend keeps under `metaKey`. */
export interface Meta {
  schemaVersion?: number;
  lock?: LockMeta;
}

export abstract class StoreCore {
  protected readonly records = new Map<string, StoredRecord>();
  /** Changed here and not yet written (including while a write is under way). */
  protected readonly pending = new Set<string>();
  /** The `updatedAt` of the stored version this tab last read or wrote, per record. */
  protected readonly base = new Map<string, number>();
  protected readonly states = new Map<string, RecordState>();
  /** Another tab's newer version of a record this tab also changed. */
  protected readonly conflicts = new Map<string, StoredRecord>();
  /** With a lock: the latest pending version of each record, already encrypted, for the journal. */
  protected readonly sealedPending = new Map<string, Omit<SealedEntry, 'basedOn'> & { slot: string }>();
  /** Each record's key in the backend: `record:<id>`, or its sealed name under a lock. */
  protected readonly slots = new Map<string, string>();
  private readonly listeners = new Set<() => void>();
  protected timer: ReturnType<typeof setTimeout> | undefined;
  protected flushing: Promise<void> = Promise.resolve();
  protected asideCount = 0;
  private persistAsked = false;
  protected channel: BroadcastChannel | undefined;
  protected lock: LockMeta | undefined;
  protected keys: LockKeys | undefined;
  protected crypto: Crypto | undefined;
  /**
   * The device owner's lasting storage keeps a journal of unsaved words; a guest session and a
   * browser that keeps nothing never read or clear it (it is the owner's).
   */
  protected readonly ownsJournal: boolean;
  /** False when localStorage refuses the journal: words typed last exist only until written. */
  readonly journalAvailable: boolean;

  protected constructor(
    protected readonly backend: Backend,
    protected readonly options: Required<Pick<StoreOptions, 'debounceMs' | 'now' | 'iterations' | 'migrations' | 'schemaVersion'>>,
  ) {
    this.ownsJournal = backend.kind === 'indexeddb' || backend.kind === 'localstorage';
    this.journalAvailable = this.ownsJournal && journalWorks();
  }

  get status(): StoreStatus {
    const kind = this.backend.kind;
    return {
      backend: kind,
      kept: kind === 'session' ? 'guest' : kind === 'memory' ? 'page' : 'device',
      asideCount: this.asideCount,
      lockEnabled: this.lock !== undefined,
      locked: this.lock !== undefined && this.keys === undefined,
      idleMinutes: this.lock?.idleMinutes ?? 0,
    };
  }

  /** Words changed here that are not written yet (or could not be). */
  get hasUnsavedWords(): boolean {
    return this.pending.size > 0;
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
    // Never past the largest exact number, whatever time an imported file claimed.
    const record: StoredRecord = { ...input, updatedAt: Math.min(Math.max(this.options.now(), seen + 1), Number.MAX_SAFE_INTEGER) };
    this.records.set(record.id, record);
    this.pending.add(record.id);
    if (this.state(record.id)?.status !== 'conflict') this.states.set(record.id, { status: 'saving' });
    if (this.keys && this.crypto) this.sealForJournal(record, this.keys, this.crypto);
    this.notify();
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), this.options.debounceMs);
  }

  /** Write every pending change now. Safe to call often; writes happen one batch at a time. */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.flushing = this.flushing.then(() => this.writePending());
    return this.flushing;
  }

  protected async meta(): Promise<Meta> {
    return ((await this.backend.get(metaKey)) ?? {}) as Meta;
  }

  protected async load(): Promise<void> {
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
        this.slots.set(record.id, key);
        if (storedVersion !== version) await this.backend.set(key, await this.toStored(record));
      } else {
        await this.setAside(key, stored);
      }
    }
    if (meta.schemaVersion !== version) await this.backend.set(metaKey, { ...meta, schemaVersion: version });
    if (this.ownsJournal) await this.replayJournal();
  }

  /**
   * Changes kept in the journal when a page closed before they were written: save the newer ones.
   * Where another tab saved the same record since (a conflict left unanswered, then its tab closed),
   * both are kept and the person is asked again, never overwritten.
   */
  private async replayJournal(): Promise<void> {
    const entries = Object.values(readJournal());
    if (entries.length === 0) return;
    // Words merely unsaved first, written; then a conflict's words, asked about against what is
    // stored by then (never against words not yet written, which "use the other version" would drop).
    await this.replay(entries.filter((entry) => !isConflictEntry(entry)));
    await this.replay(entries.filter(isConflictEntry));
    if (this.pending.size === 0) clearJournal();
  }

  private async replay(entries: Array<Journal[string]>): Promise<void> {
    for (const entry of entries) {
      const { raw, basedOn } = await this.fromJournal(entry);
      const record = parseRecord(raw);
      // One question at a time: a record already in conflict keeps this entry for after it is settled.
      if (!record || this.conflicts.has(record.id)) continue;
      const stored = this.records.get(record.id);
      // Stored since the version this tab had seen (by another tab, whatever its clock said), and different: ask.
      if (stored && basedOn !== undefined && stored.updatedAt !== basedOn && !sameRecord(stored, record)) {
        this.records.set(record.id, record);
        this.conflicts.set(record.id, stored);
        this.states.set(record.id, { status: 'conflict' });
      } else if (record.updatedAt <= (stored?.updatedAt ?? 0)) continue;
      else this.records.set(record.id, record);
      this.pending.add(record.id);
    }
    await this.flush();
  }

  /** A journal entry's record (still to be validated) and the version it was based on, if known. */
  private async fromJournal(entry: Journal[string]): Promise<{ raw: unknown; basedOn: number | undefined }> {
    const basedOn = 'basedOn' in entry ? entry.basedOn : undefined;
    if ('sealed' in entry) return { raw: await this.fromStored(entry.sealed), basedOn };
    if (this.lock) return { raw: undefined, basedOn }; // plain words from before the lock: set aside then
    return { raw: 'record' in entry ? entry.record : entry, basedOn };
  }

  /** The record's key in the backend: `record:<id>`, or under a lock a keyed hash that says nothing. */
  protected async slotOf(id: string): Promise<string> {
    const known = this.slots.get(id);
    if (known) return known;
    const slot = this.keys && this.crypto ? await namedRecordKey(this.crypto, this.keys.names, id) : recordKey(id);
    this.slots.set(id, slot);
    return slot;
  }

  /** What to write for a record: itself, or sealed with the key when there is a lock. */
  protected async toStored(record: StoredRecord): Promise<unknown> {
    return this.keys && this.crypto ? this.crypto.seal(this.keys.key, record) : record;
  }

  /** What a stored value holds: opened with the key when it is sealed (undefined if it cannot be). */
  protected fromStored(stored: unknown): Promise<unknown> {
    return unseal(stored, this.keys?.key, this.crypto);
  }

  /**
   * A pending record's journal entry: the words, or under a lock their sealed version (made ahead
   * by `sealForJournal`), with the version this tab had seen; undefined if not ready.
   */
  protected journalEntry(id: string): [slot: string, entry: JournalEntry] | undefined {
    const basedOn = this.base.get(id) ?? 0;
    const record = this.records.get(id);
    const sealed = this.sealedPending.get(id);
    if (this.lock) return sealed ? [sealed.slot, { updatedAt: sealed.updatedAt, sealed: sealed.sealed, basedOn }] : undefined;
    return record ? [this.slots.get(id) ?? recordKey(id), { updatedAt: record.updatedAt, record, basedOn }] : undefined;
  }

  /**
   * A conflict is kept in the journal as soon as it is found, not only when the page is left: a
   * tab closed unanswered does not always get to run its last code, and its words must still be asked about.
   */
  private keepConflictInJournal(id: string): void {
    const entry = this.ownsJournal ? this.journalEntry(id) : undefined;
    if (entry) keepInJournal([[entry[0], { ...entry[1], conflict: true }]]);
  }

  /** Ready before the page is left: saveBeforeLeaving cannot wait for encryption or hashing. */
  private sealForJournal(record: StoredRecord, keys: LockKeys, crypto: Crypto): void {
    void Promise.all([crypto.seal(keys.key, record), this.slotOf(record.id)]).then(([sealed, slot]) => {
      const latest = this.sealedPending.get(record.id);
      if (!latest || latest.updatedAt < record.updatedAt) this.sealedPending.set(record.id, { slot, updatedAt: record.updatedAt, sealed });
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
      const slot = await this.slotOf(id);
      const { raw, stored } = await this.readSlot(slot);
      if (this.conflicts.has(id)) continue; // another tab's message arrived meanwhile
      if (savedElsewhere(stored, this.base.get(id) ?? 0, mine)) {
        this.inConflict(id, stored);
        continue;
      }
      try {
        const basedOn = this.base.get(id) ?? 0;
        const written = await this.backend.setIfUnchanged(slot, raw, await this.toStored(mine));
        if (written) this.base.set(id, mine.updatedAt);
        else {
          // Another tab wrote between this read and this write, whatever its clock said: its words
          // are stored, these are not, and neither goes over the other without the person.
          const now = (await this.readSlot(slot)).stored;
          if (!now) throw new Error('What is stored could not be read.'); // "not saved", tried again later
          if (!sameRecord(now, mine)) {
            if (!this.conflicts.has(id)) this.inConflict(id, now);
            continue;
          }
          this.base.set(id, now.updatedAt); // the very same words: nothing is left to write
        }
        if (this.ownsJournal) dropFromJournal(slot, mine.updatedAt);
        // Typed on while this was written: the newer words stay pending for the next write. (A
        // conflict found meanwhile, from an older write's message, is still the person's to settle.)
        if (this.records.get(id) === mine && !this.conflicts.has(id)) {
          this.pending.delete(id);
          this.sealedPending.delete(id);
          this.states.set(id, { status: 'saved' });
        }
        if (hasAnswer(mine) && !this.lock) markAnswered([mine.module, mine.id]);
        if (written) {
          this.post({ type: 'changed', changes: [{ id, basedOn }] });
          void this.askToPersist();
        }
      } catch (error) {
        // Still pending: tried again with the next change, the next flush or leaving the page.
        this.states.set(id, { status: 'not-saved', reason: isQuotaError(error) ? 'quota' : 'failed' });
      }
      this.notify();
    }
  }

  protected async readStored(id: string): Promise<StoredRecord | undefined> {
    return (await this.readSlot(await this.slotOf(id))).stored;
  }

  /** A record's slot as stored (to write over only if unchanged), and the record it holds. */
  private async readSlot(slot: string): Promise<{ raw: unknown; stored: StoredRecord | undefined }> {
    let raw: unknown;
    try {
      raw = await this.backend.get(slot);
      return { raw, stored: parseRecord(await this.fromStored(raw)) };
    } catch {
      return { raw, stored: undefined };
    }
  }

  /** Another tab's version and this one differ: both are kept, and the person is asked. */
  protected inConflict(id: string, theirs: StoredRecord): void {
    this.conflicts.set(id, theirs);
    this.states.set(id, { status: 'conflict' });
    this.keepConflictInJournal(id);
    this.notify();
  }

  protected post(message: TabMessage): void {
    try {
      this.channel?.postMessage(message);
    } catch {
      // A key that cannot be passed here (Node's CryptoKey, in tests): the other tabs ask for the passphrase.
    }
  }

  /** Drops every record from memory; `quietly` when a load follows, so nobody sees an empty store as unlocked. */
  protected clearMemory(quietly = false): void {
    this.records.clear();
    this.pending.clear();
    this.base.clear();
    this.states.clear();
    this.conflicts.clear();
    this.sealedPending.clear();
    this.slots.clear();
    this.asideCount = 0;
    if (!quietly) this.notify();
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

  protected notify(): void {
    for (const listener of this.listeners) listener();
  }
}

function isQuotaError(error: unknown): boolean {
  const name = (error as { name?: string } | null)?.name ?? '';
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || /quota/i.test(String(error));
}
