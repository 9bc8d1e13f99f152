/**
 * The passphrase lock, as the store keeps it: what `meta` holds (salt, iterations and a verifier,
 * never the passphrase or the key), making and checking a key, and reading sealed values. The
 * encryption itself is in crypto.ts, which loads only on a device with a lock (most have none).
 */
import type { Sealed } from './crypto';
import { recordPrefix } from './keys';

export interface LockMeta {
  salt: string;
  iterations: number;
  /** A known value sealed with the key: opening it proves the passphrase is right. */
  verifier: Sealed;
  idleMinutes: number;
  /**
   * A random secret, sealed, that names the records under the lock (`namedRecordKey`), so the
   * storage's key names do not say which tools were answered. Absent on locks made before it.
   */
  names?: Sealed;
}

/** What an unlocked store holds in memory: the key that opens records, and the one that names them. */
export interface LockKeys {
  key: CryptoKey;
  names: CryptoKey;
}

const verifierText = 'waymark';
/** PBKDF2-SHA-256 iterations for a new passphrase: OWASP's 2023 advice, slow enough to make guessing expensive. */
export const defaultIterations = 600_000;
/** The encryption code loads only on a device with a lock (most have none). */
export const loadCrypto = () => import('./crypto');
export type Crypto = Awaited<ReturnType<typeof loadCrypto>>;

/** A new lock for a passphrase: the keys, and what to keep so the passphrase can be checked later. */
export async function newLock(crypto: Crypto, passphrase: string, idleMinutes: number, iterations: number): Promise<{ lock: LockMeta; keys: LockKeys }> {
  const salt = crypto.randomSalt();
  const key = await crypto.deriveKey(passphrase, salt, iterations);
  const secret = crypto.randomSecret();
  const lock = { salt, iterations, verifier: await crypto.seal(key, verifierText), idleMinutes, names: await crypto.seal(key, secret) };
  return { lock, keys: { key, names: await crypto.namingKey(secret) } };
}

/** The keys a passphrase gives, or undefined when it is not the right one. */
export async function keysFor(crypto: Crypto, lock: LockMeta, passphrase: string): ReturnType<typeof keysWith> {
  const key = await crypto.deriveKey(passphrase, lock.salt, lock.iterations);
  return keysWith(crypto, lock, key);
}

/**
 * The keys, given the key another tab unlocked with; undefined when it does not fit this lock.
 * `names` is undefined for a lock made before record names were sealed: the store adds them.
 */
export async function keysWith(crypto: Crypto, lock: LockMeta, key: CryptoKey): Promise<{ key: CryptoKey; names: CryptoKey | undefined } | undefined> {
  try {
    if ((await crypto.open(key, lock.verifier)) !== verifierText) return undefined;
    const secret = lock.names ? await crypto.open(key, lock.names) : undefined;
    return { key, names: typeof secret === 'string' ? await crypto.namingKey(secret) : undefined };
  } catch {
    return undefined;
  }
}

/** Give an older lock its sealed naming secret: the new lock to keep, and the naming key. */
export async function withNames(crypto: Crypto, lock: LockMeta, key: CryptoKey): Promise<{ lock: LockMeta; names: CryptoKey }> {
  const secret = crypto.randomSecret();
  return { lock: { ...lock, names: await crypto.seal(key, secret) }, names: await crypto.namingKey(secret) };
}

/** A record's key name under the lock: `record:` and a keyed hash of its id, which says nothing. */
export async function namedRecordKey(crypto: Crypto, names: CryptoKey, id: string): Promise<string> {
  return `${recordPrefix}${await crypto.nameFor(names, id)}`;
}

/** True for a value the lock encrypted (`{ iv, data }`), whatever it holds. */
export function isSealed(value: unknown): value is Sealed {
  const box = value as Partial<Sealed> | null;
  return typeof box === 'object' && box !== null && typeof box.iv === 'string' && typeof box.data === 'string';
}

/** What a stored value holds: opened with the key when it is sealed (undefined if it cannot be). */
export async function unseal(stored: unknown, key: CryptoKey | undefined, crypto: Crypto | undefined): Promise<unknown> {
  if (!isSealed(stored)) return stored;
  if (!key || !crypto) return undefined;
  try {
    return await crypto.open(key, stored);
  } catch {
    return undefined;
  }
}
