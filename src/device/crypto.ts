/**
 * Encryption at rest for a passphrase lock, with the browser's own WebCrypto: a key derived from
 * the passphrase (PBKDF2-SHA-256, many iterations, a random salt) encrypts each record with
 * AES-GCM and a fresh random IV. The key lives in memory, and for the browsing session only in two
 * halves that open nothing alone (unlock-session.ts: so it can be read out, it is extractable).
 * A forgotten passphrase is final.
 */

export interface Sealed {
  /** Base64 of the 12-byte AES-GCM initialisation vector. */
  iv: string;
  /** Base64 of the ciphertext (with its authentication tag). */
  data: string;
}

export function randomSalt(): string {
  return toBase64(crypto.getRandomValues(new Uint8Array(16)));
}

/** 32 random bytes, as base64: the secret behind a lock's record names. */
export function randomSecret(): string {
  return toBase64(crypto.getRandomValues(new Uint8Array(32)));
}

/** The HMAC key that turns a record's id into a name that says nothing without it. */
export function namingKey(secret: string): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', fromBase64(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
}

/** A record id's name: HMAC-SHA-256 of the id, as 22 base64url characters (128 bits). */
export async function nameFor(names: CryptoKey, id: string): Promise<string> {
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', names, new TextEncoder().encode(id)));
  return toBase64(mac.subarray(0, 16)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export async function deriveKey(passphrase: string, salt: string, iterations: number): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(passphrase), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt: fromBase64(salt), iterations }, material, { name: 'AES-GCM', length: 256 }, true, [
    'encrypt',
    'decrypt',
  ]);
}

export async function seal(key: CryptoKey, value: unknown): Promise<Sealed> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const plain = new TextEncoder().encode(JSON.stringify(value));
  const data = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, plain));
  return { iv: toBase64(iv), data: toBase64(data) };
}

/** Throws when the key is wrong or the data was changed (AES-GCM checks both). */
export async function open(key: CryptoKey, sealed: Sealed): Promise<unknown> {
  const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: fromBase64(sealed.iv) }, key, fromBase64(sealed.data));
  return JSON.parse(new TextDecoder().decode(plain));
}

export function toBase64(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(byte);
  return btoa(text);
}

export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}
