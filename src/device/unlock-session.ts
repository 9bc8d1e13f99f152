/**
 * Once unlocked, the words stay open for the browsing session: going to the next page does not
 * ask for the passphrase again. Only until the idle time the person chose, or *Lock now*.
 *
 * The key is kept in two halves, neither of any use alone:
 * - a wrapping key, made here, that can never be read out (non-extractable), in IndexedDB, with
 *   the time of the last activity. Locking, in any tab, deletes it: every browsing session ends.
 * - the lock's key, encrypted with that wrapping key, in this tab's sessionStorage, which the
 *   browser drops when the tab is closed.
 * So after the tab is closed, or the idle time has passed, or the device was locked, nothing
 * kept can open the words: the passphrase is asked again.
 */
import { fromBase64, toBase64 } from './crypto';
import { unlockDatabaseName as databaseName, unlockedSessionKey } from './keys';

const storeName = 'session';
const entryName = 'wrapper';

interface Entry {
  wrapper: CryptoKey;
  /** When the person last did something on any page (ms). */
  lastActive: number;
  /** 0: only *Lock now* ends it. */
  idleMinutes: number;
}

interface Blob {
  iv: string;
  data: string;
}

/** Keep the key for this browsing session (after an unlock, or a new passphrase). */
export async function rememberUnlock(key: CryptoKey, idleMinutes: number, now: number): Promise<void> {
  try {
    const entry = (await read()) ?? {
      wrapper: await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']),
      lastActive: now,
      idleMinutes,
    };
    await write({ ...entry, lastActive: now, idleMinutes });
    const iv = crypto.getRandomValues(new Uint8Array(12));
    const raw = await crypto.subtle.exportKey('raw', key);
    const data = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, entry.wrapper, raw));
    sessionStorage.setItem(unlockedSessionKey, JSON.stringify({ iv: toBase64(iv), data: toBase64(data) } satisfies Blob));
  } catch {
    // No IndexedDB or sessionStorage here, or a key from before keys could be kept: the next page asks.
  }
}

/** The key this browsing session unlocked with, if it is still open; otherwise nothing is left. */
export async function recallUnlock(now: number): Promise<CryptoKey | undefined> {
  let kept: string | null;
  try {
    kept = sessionStorage.getItem(unlockedSessionKey);
  } catch {
    return undefined;
  }
  if (!kept) return undefined;
  try {
    const entry = await read();
    if (!entry) throw new Error('Locked since.');
    if (entry.idleMinutes > 0 && now - entry.lastActive > entry.idleMinutes * 60_000) throw new Error('Idle too long.');
    const blob = JSON.parse(kept) as Blob;
    const raw = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: fromBase64(blob.iv) }, entry.wrapper, fromBase64(blob.data));
    return await crypto.subtle.importKey('raw', raw, { name: 'AES-GCM', length: 256 }, true, ['encrypt', 'decrypt']);
  } catch {
    await endUnlock();
    return undefined;
  }
}

/** The person did something: the idle time counts from now, for the next page too. */
export async function touchUnlock(now: number): Promise<void> {
  try {
    await withStore('readwrite', false, (store) => {
      const reading = store.get(entryName) as IDBRequest<Entry | undefined>;
      reading.onsuccess = () => {
        if (reading.result) store.put({ ...reading.result, lastActive: now }, entryName);
      };
      return reading;
    });
  } catch {
    // Nothing kept: nothing to keep open.
  }
}

/** Locked, lock removed, or everything forgotten: no browsing session stays open, in any tab. */
export async function endUnlock(): Promise<void> {
  try {
    sessionStorage.removeItem(unlockedSessionKey);
  } catch {
    // Not available: nothing was kept in it.
  }
  await new Promise<void>((resolve) => {
    try {
      const request = indexedDB.deleteDatabase(databaseName);
      request.onsuccess = request.onerror = request.onblocked = () => resolve();
    } catch {
      resolve();
    }
  });
}

/**
 * One use of the database, closed at once so that deleting it is never held up by an open page.
 * Only `create` makes the database: reading or touching one that locking just deleted must not
 * bring it back, empty.
 */
function withStore<T>(mode: IDBTransactionMode, create: boolean, use: (store: IDBObjectStore) => IDBRequest<T>): Promise<T | undefined> {
  return new Promise((resolve, reject) => {
    const opening = indexedDB.open(databaseName, 1);
    opening.onupgradeneeded = () => {
      if (create) opening.result.createObjectStore(storeName);
      else opening.transaction?.abort();
    };
    opening.onerror = () => (create ? reject(opening.error) : resolve(undefined));
    opening.onsuccess = () => {
      const database = opening.result;
      const transaction = database.transaction(storeName, mode);
      const request = use(transaction.objectStore(storeName));
      // Done once the transaction commits, not when its request succeeds: a page left at once
      // (Next, tapped straight after unlocking) aborts a write not yet committed.
      transaction.oncomplete = () => {
        database.close();
        resolve(request.result);
      };
      transaction.onerror = transaction.onabort = () => {
        database.close();
        reject(transaction.error ?? request.error);
      };
    };
  });
}

function read(): Promise<Entry | undefined> {
  return withStore('readonly', false, (store) => store.get(entryName) as IDBRequest<Entry | undefined>);
}

function write(entry: Entry): Promise<unknown> {
  return withStore('readwrite', true, (store) => store.put(entry, entryName));
}
