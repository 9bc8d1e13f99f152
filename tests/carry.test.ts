/**
 * Words carried in a QR link's fragment: the round trip works, old links still read, links that
 * would expand to far more than any plan are refused quickly (before or while expanding), and
 * hostile or broken fragments (at least 1,000, generated from a fixed seed) are refused plainly or
 * read safely.
 */
import LZString from 'lz-string';
import { deflateRawSync } from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { memoryBackend } from '../src/device/backends';
import {
  type CarryPart,
  carryUrl,
  carryUrls,
  inflateWithin,
  joinParts,
  maxCarriedBytes,
  maxCarryParts,
  maxCarryPayloadLength,
  qrCapacity,
  readCarried,
  readPart,
} from '../src/device/carry';
import { RecordStore } from '../src/device/store';
import { type ExportDocument, exportDocument, previewImport } from '../src/device/transfer';
import { lzBomb, lzBombLength } from './lz-bomb';

globalThis.localStorage ??= { getItem: () => null, setItem: () => undefined, removeItem: () => undefined } as unknown as Storage;

const problems = new Set(['empty', 'tooLarge', 'notJson', 'notWaymark', 'newerVersion', 'damaged']);
const hostile = ['<img src=x onerror=alert(1)>', '<script>alert(1)</script>', '"><svg onload=alert(1)>', 'javascript:alert(1)', '\u0000\u202e', '𝕨'.repeat(50)];

/** mulberry32: a small, well-known seeded generator, so every run tries the same fragments. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const page = 'https://example.org/waymark/bring-back/';
const base64url = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');
const exported = (text: string): ExportDocument => ({
  format: 'waymark-export',
  version: 1,
  exportedAt: '2026-01-01T00:00:00.000Z',
  records: [{ id: 'walks', module: 'hope', kind: 'reflection', updatedAt: 1, value: { text } }],
});

/** Counts the decompressors made, to show a refusal came before any expanding. */
const RealDecompressionStream = globalThis.DecompressionStream;
let decompressorsMade = 0;
globalThis.DecompressionStream = class extends RealDecompressionStream {
  constructor(format: CompressionFormat) {
    super(format);
    decompressorsMade++;
  }
};
afterEach(() => {
  decompressorsMade = 0;
});

describe('carrying words in a link', () => {
  it('round-trips an export through the fragment, shorter than the old links', async () => {
    const store = await RecordStore.open({ backend: memoryBackend(), debounceMs: 1 });
    const text = 'Walks, tea & "quotes" <b>. Ünïcödé ✓, عربي. Walks with the dog help me on hard days.';
    store.update({ id: 'walks', module: 'hope', kind: 'reflection', value: { text } });
    await store.flush();
    const document = await exportDocument(store);
    const url = await carryUrl(document, page);
    expect(url).toMatch(/^https:\/\/example\.org\/waymark\/bring-back\/#wm1=[\w-]+$/);
    const carried = await readCarried(new URL(url).hash);
    expect(carried.ok && carried.document.records[0]?.value).toEqual({ text });
    const old = LZString.compressToEncodedURIComponent(JSON.stringify(document));
    expect(url.length - page.length).toBeLessThan(old.length);
  });

  it('still reads links made before, in the lz-string format', async () => {
    const carried = await readCarried(`#carry=${LZString.compressToEncodedURIComponent(JSON.stringify(exported('From an old QR code')))}`);
    expect(carried.ok && carried.document.records[0]?.value).toEqual({ text: 'From an old QR code' });
  });

  it('refuses a deflate bomb while expanding it, without building the whole of it', async () => {
    const bomb = deflateRawSync(Buffer.alloc(50 * 1024 * 1024, 'a'), { level: 9 }); // 50 MB in about 50 kB
    const started = performance.now();
    const inflated = await inflateWithin(bomb, maxCarriedBytes);
    expect(inflated).toMatchObject({ ok: false, problem: 'tooLarge' });
    // It stopped near the limit, not after 50 MB.
    expect(!inflated.ok && inflated.inflated).toBeLessThan(maxCarriedBytes + 1024 * 1024);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('refuses a link-sized deflate bomb, which fits a QR code but expands past the limit', async () => {
    const bomb = deflateRawSync(Buffer.alloc(maxCarriedBytes * 2, 'a'), { level: 9 });
    const link = `#wm1=${base64url(bomb)}`;
    expect(link.length).toBeLessThan(maxCarryPayloadLength);
    expect(await readCarried(link)).toMatchObject({ ok: false, problem: 'tooLarge' });
    expect(decompressorsMade).toBe(1);
  });

  it('refuses a link longer than any it makes before expanding anything', async () => {
    const started = performance.now();
    const bomb = deflateRawSync(Buffer.alloc(50 * 1024 * 1024, 'a'), { level: 9 });
    expect(await readCarried(`#wm1=${base64url(bomb)}`)).toMatchObject({ ok: false, problem: 'tooLarge' });
    expect(await readCarried(`#carry=${'A'.repeat(maxCarryPayloadLength + 1)}`)).toMatchObject({ ok: false, problem: 'tooLarge' });
    expect(decompressorsMade).toBe(0);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('refuses an old-format bomb (44 kB that would expand to 200 M characters) at once', async () => {
    const bomb = lzBomb(20_000);
    expect(bomb.length).toBeGreaterThan(40_000);
    expect(lzBombLength(20_000)).toBeGreaterThan(200_000_000);
    const expand = vi.spyOn(LZString, 'decompressFromEncodedURIComponent');
    const started = performance.now();
    expect(await readCarried(`#carry=${bomb}`)).toMatchObject({ ok: false, problem: 'tooLarge' });
    expect(performance.now() - started).toBeLessThan(500);
    expect(expand).not.toHaveBeenCalled(); // lz-string cannot stop part-way: it must not start
    expand.mockRestore();
  });

  it('reads the worst old link that fits under the cap quickly, and it expands no further than the comment says', async () => {
    let codes = 1;
    while (lzBomb(codes + 1).length <= maxCarryPayloadLength) codes++;
    expect(lzBombLength(codes)).toBe(809_628); // the figure in carry.ts
    expect(lzBombLength(codes)).toBeLessThan(maxCarriedBytes * 2);
    const started = performance.now();
    expect(await readCarried(`#carry=${lzBomb(codes)}`)).toMatchObject({ ok: false, problem: 'notJson' });
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('refuses or safely reads 1,000 hostile fragments, and nothing changes on a refusal', async () => {
    const next = random(20261126);
    const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)]!;
    const store = await RecordStore.open({ backend: memoryBackend(), debounceMs: 1 });
    store.update({ id: 'mine', module: 'hope', kind: 'reflection', value: { text: 'Already here' } });
    await store.flush();
    const before = JSON.stringify(store.all());
    const fresh = (await carryUrl(exported('A real link'), page)).split('#')[1]!;
    const record = () => ({ id: 'r', module: 'hope', kind: 'reflection', updatedAt: 1, value: { text: pick(hostile) } });
    const makers: Array<() => string> = [
      () => pick(hostile),
      () => `carry=${pick(hostile)}`,
      () => `carry=${LZString.compressToEncodedURIComponent(pick(hostile))}`,
      () =>
        `carry=${LZString.compressToEncodedURIComponent(JSON.stringify({ format: 'waymark-export', version: Math.floor(next() * 3), exportedAt: 'x', records: [record()] }))}`,
      () =>
        `carry=${LZString.compressToEncodedURIComponent(`{"format":"waymark-export","version":1,"exportedAt":"x","records":[{"__proto__":{"polluted":1},"id":"a"}]}`)}`,
      () =>
        `carry=${LZString.compressToEncodedURIComponent(JSON.stringify({ format: 'waymark-export', version: 1, exportedAt: 'x', records: [{ ...record(), constructor: { prototype: { polluted: 1 } } }] }))}`,
      () =>
        `carry=${LZString.compressToEncodedURIComponent(JSON.stringify({ format: 'waymark-export', version: 1, exportedAt: 'x', records: [record()] })).slice(0, Math.floor(next() * 60))}`,
      () => `carry=${'A'.repeat(Math.floor(next() * 3_000_000))}`,
      () =>
        `carry=${LZString.compressToEncodedURIComponent(JSON.stringify({ format: 'waymark-export', version: 1, exportedAt: 'x', records: [{ ...record(), value: { text: 'x'.repeat(30_000) } }] }))}`,
      () => `carry=${LZString.compressToEncodedURIComponent('['.repeat(5_000))}`,
      () => fresh.slice(0, Math.floor(next() * fresh.length)),
      () => `wm1=${pick(hostile)}`,
      () => `wm1=${base64url(Uint8Array.from({ length: Math.floor(next() * 1_400) }, () => Math.floor(next() * 256)))}`,
    ];
    let refused = 0;
    let read = 0;
    for (let i = 0; i < 1_000; i++) {
      const carried = await readCarried(`#${makers[i % makers.length]!()}`); // every kind, in turn
      if (carried.ok) {
        read++;
        // Read safely: valid records only, their words kept as text (they are rendered as text).
        expect(carried.document.records.every((r) => r.id === 'r')).toBe(true);
        previewImport(store, carried.document);
      } else {
        refused++;
        expect(problems.has(carried.problem)).toBe(true);
      }
      expect(JSON.stringify(store.all())).toBe(before);
      expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    }
    console.log(`hostile fragments: 1000 tried, ${refused} refused, ${read} read safely, 0 records lost`);
    expect(refused + read).toBe(1_000);
    expect(refused).toBeGreaterThan(500);
    expect(read).toBeGreaterThan(0);
  });
});

/** Made-up words from a seed, as hard for deflate to shrink as a person's own (about 0.7 bytes a letter). */
function words(count: number, seed = 7) {
  const next = random(seed);
  const word = () => Array.from({ length: 2 + Math.floor(next() * 6) }, () => 'abcdefghijklmnopqrstuvwxyz'[Math.floor(next() * 26)]).join('');
  return Array.from({ length: count }, word).join(' ');
}
const partsOf = (links: string[]) => links.map((link) => readPart(new URL(link).hash) as CarryPart);

describe('numbered codes for more words than one code holds', () => {
  it('one code when the words fit: a plain link, as before', async () => {
    const links = await carryUrls(exported('A few words'), page);
    expect(links).toHaveLength(1);
    expect(readPart(new URL(links[0]!).hash)).toBeUndefined();
    const carried = await readCarried(new URL(links[0]!).hash);
    expect(carried.ok && carried.document.records[0]?.value).toEqual({ text: 'A few words' });
  });

  it.each([
    ['two', 300, 2],
    ['many', 1_500, 9],
  ])('splits into %s parts, each short enough for one code, and joins them in any order', async (_, count, atLeast) => {
    const text = words(count);
    const links = await carryUrls(exported(text), page);
    expect(links.length).toBeGreaterThanOrEqual(atLeast);
    expect(links.every((link) => link.length <= qrCapacity)).toBe(true);
    const parts = partsOf(links);
    expect(parts.map((part) => `${part.index}/${part.count}`)).toEqual(links.map((_, i) => `${i + 1}/${links.length}`));
    expect(new Set(parts.map((part) => part.set)).size).toBe(1);
    const carried = await joinParts([...parts].reverse());
    expect(carried.ok && carried.document.records[0]?.value).toEqual({ text });
    expect(await readCarried(new URL(links[0]!).hash)).toMatchObject({ ok: false }); // a part alone is no whole link
  });

  it('offers no codes past the limit, so the file is used instead', async () => {
    expect(await carryUrls(exported(words(maxCarryParts * 200)), page)).toEqual([]);
  });

  it('refuses mixed, repeated, missing and tampered parts', async () => {
    const parts = partsOf(await carryUrls(exported(words(600)), page));
    const other = partsOf(await carryUrls(exported(words(600)), page)); // the same words, another hand-over
    expect(parts.length).toBeGreaterThanOrEqual(3);
    const notRead = { ok: false, problem: 'mismatch' };
    expect(await joinParts([other[0]!, ...parts.slice(1)])).toMatchObject(notRead);
    expect(await joinParts([parts[0]!, parts[0]!, ...parts.slice(2)])).toMatchObject(notRead);
    expect(await joinParts(parts.slice(1))).toMatchObject(notRead);
    const piece = parts[1]!.piece;
    const tampered = { ...parts[1]!, piece: piece.slice(0, 10) + (piece[10] === 'A' ? 'B' : 'A') + piece.slice(11) };
    expect(await joinParts([parts[0]!, tampered, ...parts.slice(2)])).toMatchObject(notRead);
    expect(await joinParts([])).toMatchObject(notRead);
  });

  it('reads a part link strictly: numbers in range, no longer than a code holds', () => {
    const set = 'abcdefgh';
    const check = '0123456789a';
    expect(readPart(`#wm1=2.3.${set}.${check}.QUJD`)).toMatchObject({ index: 2, count: 3 });
    for (const bad of [`0.3`, `4.3`, `1.1`, `1.13`, `x.3`]) expect(readPart(`#wm1=${bad}.${set}.${check}.QUJD`)).toBe('broken');
    expect(readPart(`#wm1=1.3.${set}.${check}.${'A'.repeat(qrCapacity)}`)).toBe('broken');
    expect(readPart(`#wm1=1.3.${set}.${check}.<img src=x>`)).toBe('broken');
    expect(readPart('#wm1=QUJD')).toBeUndefined();
    expect(readPart('#carry=a.b')).toBeUndefined();
  });

  it('refuses or safely joins 300 damaged sets of parts', async () => {
    const next = random(20261130);
    const text = words(600);
    const parts = partsOf(await carryUrls(exported(text), page));
    const other = partsOf(await carryUrls(exported(words(600, 9)), page));
    const damage = (list: CarryPart[]): CarryPart[] => {
      const copy = [...list];
      const at = Math.floor(next() * copy.length);
      const part = copy[at]!;
      const cut = Math.floor(next() * part.piece.length);
      const kinds = [
        () => (copy[at] = { ...part, piece: part.piece.slice(0, cut) + 'xyz'[Math.floor(next() * 3)] + part.piece.slice(cut + 1) }),
        () => (copy[at] = { ...part, piece: part.piece.slice(0, cut) }),
        () => (copy[at] = other[at] ?? part),
        () => copy.splice(at, 1),
        () => copy.push(part),
        () => (copy[at] = { ...part, index: 1 + Math.floor(next() * part.count) }),
      ];
      kinds[Math.floor(next() * kinds.length)]!();
      return copy;
    };
    let refused = 0;
    for (let i = 0; i < 300; i++) {
      const carried = await joinParts(damage(parts));
      if (carried.ok)
        expect(carried.document.records[0]?.value).toEqual({ text }); // only an unchanged set reads
      else refused++;
    }
    expect(refused).toBeGreaterThan(250);
  });
});
