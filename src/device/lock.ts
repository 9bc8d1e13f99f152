/**
 * The passphrase lock, as the store keeps it: what `meta` holds (salt, iterations and a verifier,
 * never the passphrase or the key), making and checking a key, and reading sealed values. The
 * encryption itself is in crypto.ts, which loads only on a device with a lock (most have none).
 */
import type { Sealed } from './crypto';

export interface LockMeta {
  salt: string;
  iterations: number;
  /** A known value sealed with the key: opening it proves the passphrase is right. */
  verifier: Sealed;
  idleMinutes: number;
}

const verifierText = 'waymark';
/** PBKDF2-SHA-256 iterations for a new passphrase: OWASP's 2023 advice, slow enough to make guessing expensive. */
export const defaultIterations = 600_000;
/** The encryption code loads only on a device with a lock (most have none). */
export const loadCrypto = () => import('./crypto');
export type Crypto = Awaited<ReturnType<typeof loadCrypto>>;

/** A new lock for a passphrase: the key, and what to keep so the passphrase can be checked later. */
export async function newLock(crypto: Crypto, passphrase: string, idleMinutes: number, iterations: number): Promise<{ lock: LockMeta; key: CryptoKey }> {
  const salt = crypto.randomSalt();
  const key = await crypto.deriveKey(passphrase, salt, iterations);
  return { lock: { salt, iterations, verifier: await crypto.seal(key, verifierText), idleMinutes }, key };
}

/** The key a passphrase gives, or undefined when it is not the right one. */
export async function keyFor(crypto: Crypto, lock: LockMeta, passphrase: string): Promise<CryptoKey | undefined> {
  const key = await crypto.deriveKey(passphrase, lock.salt, lock.iterations);
  try {
    return (await crypto.open(key, lock.verifier)) === verifierText ? key : undefined;
  } catch {
    return undefined;
  }
}

function isSealed(value: unknown): value is Sealed {
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
