/**
 * Where records live. IndexedDB first (through localforage); if the browser blocks it (private
 * windows, storage switched off), localStorage; if that fails too, memory for this visit only.
 * A guest session uses sessionStorage: it lasts across pages and is gone when the session ends.
 */
// The build without localforage's Promise polyfill: every browser Waymark supports has Promise,
// and it saves 1.3 kB (gzip) on every page with a tool.
import localforage from 'localforage/dist/localforage.nopromises.js';
import { isGuestSession } from './guest-flag';
import { carryPartsKey, databaseName, displayKey, guestMediaCacheName, guestRecordPrefix, mediaCacheName, probeKey, storeName } from './keys';

export type BackendKind = 'indexeddb' | 'localstorage' | 'memory' | 'session';

export interface Backend {
  kind: BackendKind;
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  /**
   * Write only if the stored value is still `expected` (what this tab read before): false, and
   * nothing written, when another tab wrote in between. In IndexedDB the check and the write are
   * one transaction, so of two tabs that read the same version only one can write over it.
   */
  setIfUnchanged(key: string, expected: unknown, value: unknown): Promise<boolean>;
  remove(key: string): Promise<void>;
  entries(): Promise<Array<[string, unknown]>>;
  clear(): Promise<void>;
  /** Write many at once, all or nothing, where the storage can (one IndexedDB transaction). */
  setAll?(entries: Array<[string, unknown]>): Promise<void>;
}

function fromLocalforage(kind: 'indexeddb' | 'localstorage', driver: string): Backend {
  const instance = localforage.createInstance({ name: databaseName, storeName, driver });
  return {
    kind,
    ...(kind === 'indexeddb' ? { setAll: (entries: Array<[string, unknown]>) => proved(instance).then(() => putInOneTransaction(entries)) } : {}),
    get: (key) => instance.getItem(key),
    set: async (key, value) => {
      await instance.setItem(key, value);
    },
    setIfUnchanged:
      kind === 'indexeddb'
        ? (key, expected, value) =>
            putIfUnchanged(key, expected, value).catch((error: unknown) => {
              if (error instanceof DOMException && error.name === 'QuotaExceededError') throw error;
              return proved(instance).then(() => putIfUnchanged(key, expected, value));
            })
        : async (key, expected, value) => {
            // localStorage has no transactions: checked just before writing, as near as it gets.
            if (!unchanged(await instance.getItem(key), expected)) return false;
            await instance.setItem(key, value);
            return true;
          },
    remove: (key) => instance.removeItem(key),
    entries: async () => {
      const all: Array<[string, unknown]> = [];
      await instance.iterate((value, key) => {
        all.push([key, value]);
      });
      return all;
    },
    clear: () => instance.clear(),
  };
}

/** A write through localforage first: it re-creates the database and its store if *Forget everything* deleted them. */
async function proved(instance: LocalForage): Promise<void> {
  await instance.setItem(probeKey, 1);
  await instance.removeItem(probeKey);
}

/**
 * One read-write transaction on the records' store, opened directly (localforage has neither batch
 * nor checked writes): `work` queues its requests and returns how to read the result once the
 * transaction has committed. If the tab closes half-way, the browser aborts it and nothing is
 * written. Values are stored as they are, just as localforage's IndexedDB driver stores them.
 * Rejects when the database or its store is missing (*Forget everything* deleted them).
 */
function inOneTransaction<T>(work: (store: IDBObjectStore, refuse: (error: unknown) => void) => () => T): Promise<T> {
  return new Promise((resolve, reject) => {
    const opening = indexedDB.open(databaseName);
    opening.onerror = () => reject(opening.error);
    opening.onsuccess = () => {
      const db = opening.result;
      try {
        const transaction = db.transaction(storeName, 'readwrite');
        let failure: unknown;
        const result = work(transaction.objectStore(storeName), (error) => {
          failure = error;
          transaction.abort();
        });
        transaction.oncomplete = () => (db.close(), resolve(result()));
        transaction.onerror = transaction.onabort = () => (
          db.close(),
          reject(failure ?? transaction.error ?? new DOMException('The write was stopped.', 'AbortError'))
        );
      } catch (error) {
        db.close();
        reject(error);
      }
    };
  });
}

/** Many records at once, all or nothing: thousands take well under a second (one write each took a minute for 10,000). */
function putInOneTransaction(entries: Array<[string, unknown]>): Promise<void> {
  return inOneTransaction((store) => {
    for (const [key, value] of entries) store.put(value, key);
    return () => undefined;
  });
}

/** The same stored value: records and sealed versions are plain data, compared as JSON. */
function unchanged(stored: unknown, expected: unknown): boolean {
  return JSON.stringify(stored ?? null) === JSON.stringify(expected ?? null);
}

/** Read, compare and write in one transaction: another tab's write lands wholly before or after it. */
function putIfUnchanged(key: string, expected: unknown, value: unknown): Promise<boolean> {
  return inOneTransaction((store, refuse) => {
    let written = false;
    const reading = store.get(key);
    reading.onsuccess = () => {
      if (!unchanged(reading.result, expected)) return;
      try {
        store.put(value, key);
        written = true;
      } catch (error) {
        refuse(error); // a full device can refuse at once, not only at commit
      }
    };
    return () => written;
  });
}

export function memoryBackend(): Backend {
  const map = new Map<string, unknown>();
  return {
    kind: 'memory',
    get: async (key) => structuredClone(map.get(key) ?? null),
    set: async (key, value) => {
      map.set(key, structuredClone(value));
    },
    // Checked and written with nothing in between, as one IndexedDB transaction is.
    setIfUnchanged: async (key, expected, value) => {
      if (!unchanged(map.get(key), expected)) return false;
      map.set(key, structuredClone(value));
      return true;
    },
    remove: async (key) => {
      map.delete(key);
    },
    entries: async () => [...map.entries()].map(([k, v]) => [k, structuredClone(v)]),
    clear: async () => map.clear(),
  };
}

/** A guest session's records, in sessionStorage: ending the session clears it all. */
export function sessionBackend(): Backend {
  const keys = () => Object.keys(sessionStorage).filter((key) => key.startsWith(guestRecordPrefix));
  return {
    kind: 'session',
    get: async (key) => JSON.parse(sessionStorage.getItem(guestRecordPrefix + key) ?? 'null'),
    // Once the session has ended in this tab, a last write as the page closes must not bring words back.
    set: async (key, value) => {
      if (isGuestSession()) sessionStorage.setItem(guestRecordPrefix + key, JSON.stringify(value));
    },
    // sessionStorage is read and written at once, with nothing in between: the check holds.
    setIfUnchanged: async (key, expected, value) => {
      if (!unchanged(JSON.parse(sessionStorage.getItem(guestRecordPrefix + key) ?? 'null'), expected)) return false;
      if (isGuestSession()) sessionStorage.setItem(guestRecordPrefix + key, JSON.stringify(value));
      return true;
    },
    remove: async (key) => sessionStorage.removeItem(guestRecordPrefix + key),
    entries: async () => keys().map((key) => [key.slice(guestRecordPrefix.length), JSON.parse(sessionStorage.getItem(key)!)]),
    clear: async () => keys().forEach((key) => sessionStorage.removeItem(key)),
  };
}

/** A backend works only if a write and a read really succeed (some browsers fail late). */
async function works(backend: Backend): Promise<boolean> {
  try {
    await backend.set(probeKey, 1);
    const ok = (await backend.get(probeKey)) === 1;
    await backend.remove(probeKey);
    return ok;
  } catch {
    return false;
  }
}

export async function openBackend(): Promise<Backend> {
  if (isGuestSession()) {
    const guest = sessionBackend();
    return (await works(guest)) ? guest : memoryBackend();
  }
  const candidates: Array<() => Backend> = [
    () => fromLocalforage('indexeddb', localforage.INDEXEDDB),
    () => fromLocalforage('localstorage', localforage.LOCALSTORAGE),
  ];
  for (const create of candidates) {
    try {
      const backend = create();
      if (await works(backend)) return backend;
    } catch {
      // This driver is not available here: try the next one.
    }
  }
  return memoryBackend();
}

/** Remove every trace of Waymark's records from every place it may have used. */
export async function forgetEverywhere(): Promise<void> {
  try {
    await localforage.createInstance({ name: databaseName, storeName, driver: localforage.LOCALSTORAGE }).clear();
  } catch {
    // No localStorage here, so nothing was kept there.
  }
  try {
    localStorage.removeItem(displayKey); // text size and colours: small, but also the person's
  } catch {
    // No localStorage here.
  }
  try {
    sessionStorage.removeItem(carryPartsKey); // QR codes scanned but not yet joined hold words too
  } catch {
    // No sessionStorage here.
  }
  // Stories saved for offline would show which ones were listened to.
  await forgetSavedMedia();
  // The database itself goes too, not only its records (localforage's own drop would create one).
  await new Promise<void>((resolve) => {
    try {
      const request = indexedDB.deleteDatabase(databaseName);
      request.onsuccess = request.onerror = () => resolve();
      request.onblocked = () => setTimeout(resolve, 1_000); // finishes once the page lets go of it
    } catch {
      resolve(); // no IndexedDB here
    }
  });
}

/** The stories kept for offline listening (see src/client/media-cache.ts), and any a guest left. */
export async function forgetSavedMedia(): Promise<void> {
  try {
    await Promise.all([caches.delete(mediaCacheName), caches.delete(guestMediaCacheName)]);
  } catch {
    // No Cache API here, so nothing was kept in it.
  }
}
