/**
 * The store against real IndexedDB semantics (fake-indexeddb implements the spec in Node):
 * migrations, a corrupt record kept aside, a quota error reported, two tabs in step.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Backend, memoryBackend } from '../src/device/backends';
import { RecordStore } from '../src/device/store';

// localStorage for progress marks (Node has none).
const memory = new Map<string, string>();
globalThis.localStorage = {
  getItem: (k: string) => memory.get(k) ?? null,
  setItem: (k: string, v: string) => void memory.set(k, v),
  removeItem: (k: string) => void memory.delete(k),
} as Storage;

let channel = 0;
// A long pause before saving, so that only the test's own flush() calls write: no timing races.
const openPair = async (backend: Backend) => {
  const channelName = `test-${++channel}`;
  return [await RecordStore.open({ backend, channelName, debounceMs: 60_000 }), await RecordStore.open({ backend, channelName, debounceMs: 60_000 })] as const;
};
const reflection = (id: string, text: string) => ({ id, module: 'hope', kind: 'reflection' as const, value: { text } });
const textIn = (store: RecordStore, id: string) => (store.get(id)?.value as { text?: string } | undefined)?.text;
const until = async (check: () => boolean) => {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(check()).toBe(true);
};

beforeEach(() => memory.clear());

describe('with IndexedDB', () => {
  let store: RecordStore;
  afterEach(async () => store?.forgetEverything());

  it('opens IndexedDB and keeps a record across a reopen', async () => {
    store = await RecordStore.open({ debounceMs: 5 });
    expect(store.status).toMatchObject({ backend: 'indexeddb', keptAfterClosing: true, asideCount: 0, locked: false });
    store.update(reflection('first-thoughts', 'Walking helps'));
    expect(store.state('first-thoughts')?.status).toBe('saving');
    await store.flush();
    expect(store.state('first-thoughts')?.status).toBe('saved');

    const again = await RecordStore.open();
    expect(again.get('first-thoughts')?.value).toEqual({ text: 'Walking helps' });
    expect(JSON.parse(memory.get('waymark.progress')!).answered).toEqual(['hope/first-thoughts']);
  });
});

describe('migrations and validation on load', () => {
  it('migrates old records and moves a corrupt one aside without losing it', async () => {
    const backend = memoryBackend();
    await backend.set('meta', { schemaVersion: 1 });
    // Version 1 (pretend): reflections kept their words in `words`.
    await backend.set('record:old', { id: 'old', module: 'hope', kind: 'reflection', updatedAt: 5, value: { words: 'Tea' } });
    await backend.set('record:broken', { id: 'broken', kind: 'reflection', value: 42 });
    const store = await RecordStore.open({
      backend,
      schemaVersion: 2,
      migrations: {
        1: (r) => {
          const record = r as { value: { words?: string } };
          return 'words' in record.value ? { ...record, value: { text: record.value.words } } : record;
        },
      },
    });
    expect(store.get('old')?.value).toEqual({ text: 'Tea' });
    expect(store.get('broken')).toBeUndefined();
    expect(store.status.asideCount).toBe(1);
    expect(await store.asideRecords()).toEqual([
      { key: expect.stringMatching(/^aside:\d+:record:broken$/), value: { id: 'broken', kind: 'reflection', value: 42 } },
    ]);
    // The migrated record was written back, and the version recorded.
    expect(await backend.get('record:old')).toMatchObject({ value: { text: 'Tea' } });
    expect(await backend.get('meta')).toEqual({ schemaVersion: 2 });
  });
});

describe('a full device', () => {
  it('reports a quota error, keeps the words in memory, and saves them once there is space', async () => {
    const backend = memoryBackend();
    let full = true;
    const set = backend.set;
    backend.set = async (key, value) => {
      if (full && key.startsWith('record:')) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return set(key, value);
    };
    const store = await RecordStore.open({ backend, debounceMs: 5 });
    store.update(reflection('notes', 'Something important'));
    await store.flush();
    expect(store.state('notes')).toEqual({ status: 'not-saved', reason: 'quota' });
    expect(store.get('notes')?.value).toEqual({ text: 'Something important' });

    full = false;
    await store.flush();
    expect(store.state('notes')?.status).toBe('saved');
    expect(await backend.get('record:notes')).toMatchObject({ value: { text: 'Something important' } });
  });
});

describe('two tabs', () => {
  it('a change in one shows in the other', async () => {
    const [tabA, tabB] = await openPair(memoryBackend());
    let seen = 0;
    tabB.subscribe(() => seen++);
    tabA.update(reflection('shared', 'From tab A'));
    await tabA.flush();
    await until(() => textIn(tabB, 'shared') === 'From tab A');
    expect(seen).toBeGreaterThan(0);
  });

  it('neither silently overwrites the other: both edits become a conflict the person settles', async () => {
    const [tabA, tabB] = await openPair(memoryBackend());
    tabA.update(reflection('same', 'A wrote this'));
    tabB.update(reflection('same', 'B wrote this later'));
    await tabB.flush();
    await tabA.flush();
    await until(() => tabA.state('same')?.status === 'conflict');
    expect(tabA.get('same')?.value).toEqual({ text: 'A wrote this' });
    expect(tabA.conflict('same')?.value).toEqual({ text: 'B wrote this later' });

    await tabA.resolveConflict('same', 'mine');
    expect(tabA.state('same')?.status).toBe('saved');
    await until(() => textIn(tabB, 'same') === 'A wrote this');
  });

  it('two tabs saving at the same moment: the one overwritten is told, and keeps its words', async () => {
    const [tabA, tabB] = await openPair(memoryBackend());
    tabA.update(reflection('race', 'A at the same time'));
    tabB.update(reflection('race', 'B at the same time'));
    await Promise.all([tabA.flush(), tabB.flush()]);
    const conflicted = () => [tabA, tabB].filter((tab) => tab.state('race')?.status === 'conflict');
    await until(() => conflicted().length === 1);
    const [loser] = conflicted();
    const winner = loser === tabA ? tabB : tabA;
    // Nothing lost: the overwritten words are still in the tab that wrote them, next to the other's.
    expect(textIn(loser!, 'race')).toBe(loser === tabA ? 'A at the same time' : 'B at the same time');
    expect((loser!.conflict('race')?.value as { text: string }).text).toBe(textIn(winner, 'race'));
  });

  it('forgetting in one tab empties the other', async () => {
    const [tabA, tabB] = await openPair(memoryBackend());
    tabA.update(reflection('gone', 'Soon forgotten'));
    await tabA.flush();
    await until(() => tabB.get('gone') !== undefined);
    await tabA.forgetEverything();
    await until(() => tabB.all().length === 0);
  });
});

describe('an import', () => {
  it('is all or nothing: a failure half-way leaves the records as they were', async () => {
    const backend = memoryBackend();
    const store = await RecordStore.open({ backend, debounceMs: 5 });
    store.update(reflection('kept', 'Original'));
    await store.flush();
    const set = backend.set;
    let writes = 0;
    backend.set = async (key, value) => {
      if (++writes === 2) throw new DOMException('Disk full', 'QuotaExceededError');
      return set(key, value);
    };
    const incoming = [
      { ...reflection('kept', 'Replaced'), updatedAt: 10 },
      { ...reflection('new-one', 'New'), updatedAt: 10 },
    ];
    await expect(store.putAll(incoming)).rejects.toThrow('Disk full');
    backend.set = set;
    expect(await backend.get('record:kept')).toMatchObject({ value: { text: 'Original' } });
    expect(await backend.get('record:new-one')).toBeNull();
    expect(textIn(store, 'kept')).toBe('Original');
  });
});

describe('a passphrase lock', () => {
  const iterations = 1_000; // the real count (600,000) is for people; tests only need the same code path

  it('encrypts every record at rest, opens locked, refuses a wrong passphrase and restores with the right one', async () => {
    const backend = memoryBackend();
    const store = await RecordStore.open({ backend, debounceMs: 5, iterations });
    store.update(reflection('secret', 'I hear voices at night'));
    await store.flush();
    await store.setPassphrase('blue kettle morning', 15);
    store.update(reflection('later', 'Written after locking'));
    await store.flush();

    const raw = JSON.stringify(await backend.entries());
    expect(raw).not.toContain('voices');
    expect(raw).not.toContain('after locking');

    const reopened = await RecordStore.open({ backend, iterations });
    expect(reopened.status).toMatchObject({ lockEnabled: true, locked: true, idleMinutes: 15 });
    expect(reopened.all()).toEqual([]);
    reopened.update(reflection('secret', 'typed while locked'));
    expect(reopened.all()).toEqual([]);
    expect(await reopened.unlock('wrong guess')).toBe(false);
    expect(reopened.status.locked).toBe(true);
    expect(await reopened.unlock('blue kettle morning')).toBe(true);
    expect(textIn(reopened, 'secret')).toBe('I hear voices at night');
    expect(textIn(reopened, 'later')).toBe('Written after locking');

    await reopened.lockNow();
    expect(reopened.status.locked).toBe(true);
    expect(reopened.all()).toEqual([]);
  });

  it('keeps the journal encrypted too', async () => {
    const backend = memoryBackend();
    const store = await RecordStore.open({ backend, debounceMs: 60_000, iterations });
    await store.setPassphrase('pass phrase', 0);
    store.update(reflection('last-moment', 'Typed just before closing'));
    await new Promise((r) => setTimeout(r, 50)); // the encryption for the journal is asynchronous
    (backend as { kind: string }).kind = 'indexeddb'; // journals are kept only for lasting storage
    store.saveBeforeLeaving();
    expect(memory.get('waymark.unsaved')).toBeDefined();
    expect(memory.get('waymark.unsaved')).not.toContain('closing');
  });

  it('can be removed: records are written in the clear again', async () => {
    const backend = memoryBackend();
    const store = await RecordStore.open({ backend, debounceMs: 5, iterations });
    store.update(reflection('note', 'Plain again'));
    await store.setPassphrase('pw', 0);
    await store.removeLock();
    expect(JSON.stringify(await backend.entries())).toContain('Plain again');
    expect((await RecordStore.open({ backend })).status.lockEnabled).toBe(false);
  });
});
