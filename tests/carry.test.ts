/**
 * Words carried in a QR link's fragment: the round trip works, and hostile or broken fragments
 * (at least 1,000, generated from a fixed seed) are refused plainly or read safely.
 */
import LZString from 'lz-string';
import { describe, expect, it } from 'vitest';
import { memoryBackend } from '../src/device/backends';
import { carryUrl, readCarried } from '../src/device/carry';
import { RecordStore } from '../src/device/store';
import { exportDocument, previewImport } from '../src/device/transfer';

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

describe('carrying words in a link', () => {
  it('round-trips an export through the fragment', async () => {
    const store = await RecordStore.open({ backend: memoryBackend(), debounceMs: 1 });
    store.update({ id: 'walks', module: 'hope', kind: 'reflection', value: { text: 'Walks, tea & "quotes" <b>' } });
    await store.flush();
    const url = carryUrl(await exportDocument(store), 'https://example.org/waymark/bring-back/');
    expect(url).toMatch(/^https:\/\/example\.org\/waymark\/bring-back\/#carry=[\w+\-$]+$/);
    const carried = readCarried(new URL(url).hash);
    expect(carried.ok && carried.document.records[0]?.value).toEqual({ text: 'Walks, tea & "quotes" <b>' });
  });

  it('refuses or safely reads 1,000 hostile fragments, and nothing changes on a refusal', async () => {
    const next = random(20261126);
    const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)]!;
    const store = await RecordStore.open({ backend: memoryBackend(), debounceMs: 1 });
    store.update({ id: 'mine', module: 'hope', kind: 'reflection', value: { text: 'Already here' } });
    await store.flush();
    const before = JSON.stringify(store.all());
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
    ];
    let refused = 0;
    let read = 0;
    for (let i = 0; i < 1_000; i++) {
      const carried = readCarried(`#${makers[i % makers.length]!()}`); // every kind, in turn
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
