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
import { carryUrl, inflateWithin, maxCarriedBytes, maxCarryPayloadLength, readCarried } from '../src/device/carry';
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
