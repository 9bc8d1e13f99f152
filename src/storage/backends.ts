/**
 * Where records live. IndexedDB first (through localforage); if the browser blocks it (private
 * windows, storage switched off), localStorage; if that fails too, memory for this visit only.
 */
import localforage from 'localforage';

export type BackendKind = 'indexeddb' | 'localstorage' | 'memory';

export interface Backend {
  kind: BackendKind;
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  remove(key: string): Promise<void>;
  entries(): Promise<Array<[string, unknown]>>;
  clear(): Promise<void>;
}

const databaseName = 'waymark';
const storeName = 'records';
const probeKey = '__waymark_probe__';

function fromLocalforage(kind: 'indexeddb' | 'localstorage', driver: string): Backend {
  const instance = localforage.createInstance({ name: databaseName, storeName, driver });
  return {
    kind,
    get: (key) => instance.getItem(key),
    set: async (key, value) => {
      await instance.setItem(key, value);
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

export function memoryBackend(): Backend {
  const map = new Map<string, unknown>();
  return {
    kind: 'memory',
    get: async (key) => structuredClone(map.get(key) ?? null),
    set: async (key, value) => {
      map.set(key, structuredClone(value));
    },
    remove: async (key) => {
      map.delete(key);
    },
    entries: async () => [...map.entries()].map(([k, v]) => [k, structuredClone(v)]),
    clear: async () => map.clear(),
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
  for (const driver of [localforage.INDEXEDDB, localforage.LOCALSTORAGE]) {
    try {
      await localforage.createInstance({ name: databaseName, storeName, driver }).clear();
    } catch {
      // Not available here, so nothing was kept there.
    }
  }
  try {
    await localforage.dropInstance({ name: databaseName });
  } catch {
    // Dropping the database is a tidy-up; clearing it above already removed the records.
  }
}
