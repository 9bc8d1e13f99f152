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

/** A memory backend that says it is lasting storage, as IndexedDB is: it then keeps a journal. */
const lasting = (backend: Backend): Backend => Object.assign(backend, { kind: 'indexeddb' as const });

describe('with IndexedDB', () => {
  let store: RecordStore;
  afterEach(async () => store?.forgetEverything());

  it('opens IndexedDB and keeps a record across a reopen', async () => {
    store = await RecordStore.open({ debounceMs: 5 });
    expect(store.status).toMatchObject({ backend: 'indexeddb', kept: 'device', asideCount: 0, locked: false });
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
    const setIfUnchanged = backend.setIfUnchanged;
    backend.setIfUnchanged = async (key, expected, value) => {
      if (full && key.startsWith('record:')) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return setIfUnchanged(key, expected, value);
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

  /** Tab B's view of the backend: its read of the record is held until `goOn()`, so tab A writes in between. */
  const readThenHeld = (backend: Backend, key: string) => {
    let reading: () => void = () => {};
    const read = new Promise<void>((resolve) => (reading = resolve));
    let goOn: () => void = () => {};
    const gate = new Promise<void>((resolve) => (goOn = resolve));
    const held: Backend = {
      ...backend,
      get: async (asked) => {
        const value = await backend.get(asked);
        if (asked === key) {
          reading();
          await gate;
        }
        return value;
      },
    };
    return { held, read, goOn };
  };
  const raceOnce = async (wordsA: string, wordsB: string) => {
    const backend = memoryBackend();
    const channelName = `test-${++channel}`;
    const { held, read, goOn } = readThenHeld(backend, 'record:race');
    const tabA = await RecordStore.open({ backend, channelName, debounceMs: 60_000 });
    const tabB = await RecordStore.open({ backend: held, channelName, debounceMs: 60_000 });
    tabA.update(reflection('race', wordsA));
    tabB.update(reflection('race', wordsB));
    const writingB = tabB.flush();
    await read;
    await tabA.flush();
    goOn();
    await writingB;
    return { backend, tabA, tabB };
  };

  it('two tabs that read the same version: the one that writes second writes nothing, and asks', async () => {
    const { backend, tabA, tabB } = await raceOnce('A, written first', 'B, written second');
    await until(() => tabB.state('race')?.status === 'conflict');
    // A's words are stored, not written over; B keeps its own and is asked; A has nothing to ask.
    expect(await backend.get('record:race')).toMatchObject({ value: { text: 'A, written first' } });
    expect(textIn(tabB, 'race')).toBe('B, written second');
    expect(tabB.conflict('race')?.value).toEqual({ text: 'A, written first' });
    await new Promise((settle) => setTimeout(settle, 50));
    expect(tabA.state('race')?.status).toBe('saved');
  });

  it('two tabs that write the very same words at the same moment: both saved, nobody asked', async () => {
    const { tabA, tabB } = await raceOnce('The same words', 'The same words');
    expect(tabB.state('race')?.status).toBe('saved');
    await new Promise((settle) => setTimeout(settle, 50));
    expect(tabA.state('race')?.status).toBe('saved');
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
    const backend = lasting(memoryBackend()); // journals are kept only for lasting storage
    const store = await RecordStore.open({ backend, debounceMs: 60_000, iterations });
    await store.setPassphrase('pass phrase', 0);
    store.update(reflection('last-moment', 'Typed just before closing'));
    await new Promise((r) => setTimeout(r, 50)); // the encryption for the journal is asynchronous
    expect(store.saveBeforeLeaving()).toBe(true);
    expect(memory.get('waymark.unsaved')).toBeDefined();
    expect(memory.get('waymark.unsaved')).not.toContain('closing');
    expect(memory.get('waymark.unsaved')).not.toContain('last-moment');
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

describe('one device, many people', () => {
  const iterations = 1_000;

  it("a guest session never reads, replays or clears the owner's journal", async () => {
    const owner = lasting(memoryBackend());
    // The tab is closed before its write can finish: the words are only in the journal.
    const closing = {
      ...owner,
      setIfUnchanged: (key: string, expected: unknown, value: unknown) =>
        key.startsWith('record:') ? new Promise<boolean>(() => {}) : owner.setIfUnchanged(key, expected, value),
    };
    const tab = await RecordStore.open({ backend: closing, debounceMs: 60_000 });
    tab.update(reflection('private', 'The owner typed this and closed the tab'));
    expect(tab.saveBeforeLeaving()).toBe(true);
    const journal = memory.get('waymark.unsaved');
    expect(journal).toContain('The owner typed this');

    const guestBackend = Object.assign(memoryBackend(), { kind: 'session' as const });
    const guest = await RecordStore.open({ backend: guestBackend });
    expect(guest.get('private')).toBeUndefined();
    await guest.forgetEverything();
    expect(memory.get('waymark.unsaved')).toBe(journal);
    // And the owner's words come back when the owner opens the site again.
    expect(textIn(await RecordStore.open({ backend: owner }), 'private')).toBe('The owner typed this and closed the tab');
  });

  it('a "forgotten" message never takes away a lock that is still there', async () => {
    const backend = memoryBackend();
    const [tabA] = await openPair(backend);
    await tabA.setPassphrase('only mine', 0);
    const stranger = new BroadcastChannel(`test-${channel}`);
    stranger.postMessage({ type: 'forgotten' });
    await new Promise((r) => setTimeout(r, 50));
    stranger.close();
    expect(tabA.status.lockEnabled).toBe(true);
    tabA.update(reflection('after', 'Still sealed'));
    await tabA.flush();
    expect(JSON.stringify(await backend.entries())).not.toContain('Still sealed');
  });

  it('"Lock now" in one tab locks the other', async () => {
    const backend = memoryBackend();
    const [tabA, tabB] = await openPair(backend);
    tabB.update(reflection('b-typed', 'Typed in tab B'));
    await tabA.setPassphrase('both tabs', 0);
    // Node cannot pass a CryptoKey between channels, so tab B is unlocked here by its own passphrase.
    await until(() => tabB.status.lockEnabled);
    await tabB.unlock('both tabs');
    expect(textIn(tabB, 'b-typed')).toBe('Typed in tab B');
    await tabA.lockNow();
    await until(() => tabB.status.locked);
    expect(tabB.all()).toEqual([]);
    expect(JSON.stringify(await backend.entries())).not.toContain('tab B');
  });

  it("under the lock nothing readable is left: records' names, what was set aside, progress", async () => {
    const backend = memoryBackend();
    await backend.set('record:broken-one', { id: 'broken-one', kind: 'reflection', value: 'I wrote about my sister' });
    const store = await RecordStore.open({ backend, debounceMs: 5, iterations });
    store.update(reflection('what-got-me-through', 'Calling my sister'));
    await store.flush();
    expect(memory.get('waymark.progress')).toContain('what-got-me-through');
    await store.setPassphrase('kettle', 0);
    store.update(reflection('warning-signs', 'Not sleeping'));
    await store.flush();

    const dump = JSON.stringify(await backend.entries());
    for (const plain of ['sister', 'Not sleeping', 'what-got-me-through', 'warning-signs', 'broken-one']) expect(dump).not.toContain(plain);
    expect(memory.get('waymark.progress')).toBe('{"paused":true}');
    // Unlocked, everything is there, the set-aside record too (for the exported file).
    const again = await RecordStore.open({ backend, iterations });
    await again.unlock('kettle');
    expect(textIn(again, 'what-got-me-through')).toBe('Calling my sister');
    expect(await again.asideRecords()).toEqual([
      { key: expect.stringMatching(/^aside:\d+:record:broken-one$/), value: expect.objectContaining({ value: 'I wrote about my sister' }) },
    ]);
    // Removing the lock puts it all back in the clear, under the plain names.
    await again.removeLock();
    expect(await backend.get('record:warning-signs')).toMatchObject({ value: { text: 'Not sleeping' } });
    expect((await backend.entries()).map(([key]) => key)).toContainEqual(expect.stringMatching(/^aside:\d+:record:broken-one$/));
    expect(memory.get('waymark.progress')).toBeUndefined();
  });

  /** Tab B saved; tab A, which changed the same answer without seeing B's, is asking. */
  const leftInConflict = async (backend: Backend) => {
    const [tabA, tabB] = await openPair(backend);
    tabA.update(reflection('same', 'A, never saved'));
    tabB.update(reflection('same', 'B, saved'));
    await tabB.flush();
    await tabA.flush();
    await until(() => tabA.state('same')?.status === 'conflict');
    return [tabA, tabB] as const;
  };

  it('a conflict left unanswered, its tab then closed, is asked again: both versions kept', async () => {
    const backend = lasting(memoryBackend());
    const [tabA] = await leftInConflict(backend);
    tabA.saveBeforeLeaving(); // tab A closes without an answer

    const next = await RecordStore.open({ backend, debounceMs: 5 });
    expect(next.state('same')?.status).toBe('conflict');
    expect(textIn(next, 'same')).toBe('A, never saved');
    expect(next.conflict('same')?.value).toEqual({ text: 'B, saved' });
    expect(await backend.get('record:same')).toMatchObject({ value: { text: 'B, saved' } });
    await next.resolveConflict('same', 'theirs');
    expect(memory.get('waymark.unsaved')).toBeUndefined();
    expect(textIn(await RecordStore.open({ backend }), 'same')).toBe('B, saved');
  });

  it("a conflict's words left in the journal are not replaced by the other tab's newer words", async () => {
    const backend = lasting(memoryBackend());
    const [, tabB] = await leftInConflict(backend);
    // Tab A is closed unanswered (its conflict is already in the journal); then tab B changes its
    // words and is closed before they are written.
    tabB.update(reflection('same', 'B, changed and closed at once'));
    tabB.saveBeforeLeaving();

    const next = await RecordStore.open({ backend, debounceMs: 5 });
    await until(() => next.state('same')?.status === 'conflict');
    expect(textIn(next, 'same')).toBe('A, never saved');
    expect(next.conflict('same')?.value).toEqual({ text: 'B, changed and closed at once' });
    expect(await backend.get('record:same')).toMatchObject({ value: { text: 'B, changed and closed at once' } });
  });

  it('an imported time far in the future is taken as now, so the next change is saved and readable', async () => {
    const backend = memoryBackend();
    const store = await RecordStore.open({ backend, debounceMs: 5 });
    await store.putAll([{ ...reflection('future', 'From a file'), updatedAt: Number.MAX_SAFE_INTEGER }]);
    expect(store.get('future')!.updatedAt).toBeLessThanOrEqual(Date.now());
    store.update(reflection('future', 'Changed after'));
    await store.flush();
    expect(textIn(await RecordStore.open({ backend }), 'future')).toBe('Changed after');
  });
});
