/**
 * Import under fire: thousands of generated files (seeded, so every run tries the same ones):
 * wrong types, wrong versions, huge strings, deep nesting, __proto__ / constructor keys, markup
 * and script in every string, truncated JSON, valid files with one bad record, random mutations.
 * Each is rejected with a reason the person is told in plain words, or brought back safely; after
 * every rejection the data already on the device is byte-for-byte the same, and nothing is lost.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { type Backend, memoryBackend } from '../src/device/backends';
import type { StoredRecord } from '../src/device/schema';
import { RecordStore } from '../src/device/store';
import { type ImportProblem, maxImportBytes, parseImport, previewImport } from '../src/device/transfer';

globalThis.localStorage ??= { getItem: () => null, setItem: () => undefined, removeItem: () => undefined } as unknown as Storage;

const strings: Record<string, string> = parse(readFileSync('src/i18n/strings/en.yaml', 'utf8'));

/** mulberry32: a small seeded generator, so a failure can be replayed. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  return { next, int, pick };
}
type Random = ReturnType<typeof random>;

/** Markup and script a hostile file might carry in any string. */
const hostile = [
  '<script>globalThis.__pwned = true</script>',
  '<img src=x onerror="globalThis.__pwned=true">',
  '"><svg onload=alert(1)>',
  "javascript:alert('x')",
  '{{constructor.constructor("globalThis.__pwned=true")()}}',
  '${globalThis.__pwned = true}',
  '__proto__',
  'constructor',
  '\u202egnirts desrever',
  '\u0000\u0001\u0007',
  '\ud800', // a lone surrogate
  '🙂 words, in any script: كلمات 言葉',
  '',
  ' ',
];
const kinds = ['reflection', 'checkin', 'checklist', 'choices', 'planlist'] as const;
const dangerousKeys = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'];

const words = (r: Random) => (r.next() < 0.5 ? r.pick(hostile) : `${r.pick(['Tea', 'A walk', 'My sister', 'Sleep'])} ${r.pick(hostile)}`);
const list = (r: Random) => Array.from({ length: r.int(4) }, () => words(r));

function validRecord(r: Random, id: string, updatedAt = 1 + r.int(1e12)): StoredRecord {
  const kind = r.pick(kinds);
  const base = { id, module: r.pick(['hope', 'getting-started', 'a-b-c']), updatedAt };
  switch (kind) {
    case 'reflection':
      return { ...base, kind, value: { text: words(r) } };
    case 'checkin':
      return {
        ...base,
        kind,
        value: { entries: Array.from({ length: r.int(3) }, (_, i) => ({ date: `2026-11-${String(10 + i).padStart(2, '0')}`, ratings: [r.int(11), null] })) },
      };
    case 'checklist':
    case 'choices':
      return { ...base, kind, value: { selected: list(r), added: list(r) } };
    case 'planlist':
      return { ...base, kind, value: { items: list(r) } };
  }
}

function validDocument(r: Random, count = 1 + r.int(5)) {
  const ids = new Set<string>();
  while (ids.size < count) ids.add(`${r.pick(['what-helps', 'first-thoughts', 'how-things-are', 'my-people'])}-${r.int(20)}`);
  return { format: 'waymark-export', version: 1, exportedAt: '2026-11-26T10:00:00.000Z', records: [...ids].map((id) => validRecord(r, id)) };
}

/** Any JSON value, some of them awkward. */
function anyValue(r: Random, depth = 0): unknown {
  const choice = r.int(depth > 3 ? 7 : 10);
  switch (choice) {
    case 0:
      return null;
    case 1:
      return r.next() < 0.5;
    case 2:
      return r.pick([0, -1, 1.5, 1e308, -0, Number.MAX_SAFE_INTEGER + 2, 2 ** 53]);
    case 3:
    case 4:
      return words(r);
    case 5:
      return 'x'.repeat(r.pick([20_001, 100_000]));
    case 6:
      return r.pick(['1', '2026-11-26', 'reflection', 'waymark-export']);
    case 7:
      return Array.from({ length: r.int(4) }, () => anyValue(r, depth + 1));
    default:
      return Object.fromEntries(Array.from({ length: r.int(4) }, () => [r.pick([...dangerousKeys, 'text', 'id', 'value', 'x']), anyValue(r, depth + 1)]));
  }
}

/** Every path to a value inside a JSON tree. */
function paths(value: unknown, prefix: Array<string | number> = []): Array<Array<string | number>> {
  if (typeof value !== 'object' || value === null) return [prefix];
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  return [prefix, ...entries.flatMap(([key, v]) => paths(v, [...prefix, key]))];
}

function setAt(root: unknown, path: Array<string | number>, value: unknown): unknown {
  if (path.length === 0) return value;
  let node = root as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path.at(-1)!] = value;
  return root;
}

/** A JSON text with a key that JSON.parse keeps as an own property (`__proto__` included). */
const withKey = (json: string, key: string, value: string) => json.replace('"kind"', `${JSON.stringify(key)}:${value},"kind"`);

const nested = (depth: number, open: string, close: string, inner = '1') => open.repeat(depth) + inner + close.repeat(depth);

type Case = { family: string; text: string };

function* files(seed: number): Generator<Case> {
  const r = random(seed);
  for (let i = 0; i < 1_200; i++) {
    const doc = validDocument(r);
    const json = JSON.stringify(doc);
    switch (i % 12) {
      case 0: // the whole file the wrong type
        yield { family: 'wrong type', text: JSON.stringify(r.pick([null, 42, 'waymark', true, [], [doc], { records: doc.records }])) };
        break;
      case 1: // wrong version or format
        yield {
          family: 'wrong version',
          text: JSON.stringify({
            ...doc,
            ...r.pick([
              { version: r.pick([0, 2, 99, -1, 1.5, '1', null, 1e308]) },
              { format: r.pick(['Waymark-export', 'waymark', '', null]) },
              { version: undefined },
            ]),
          }),
        };
        break;
      case 2: // huge strings, in a field or making the whole file too big
        if (i % 48 === 2) yield { family: 'huge', text: JSON.stringify({ ...doc, exportedAt: 'x'.repeat(maxImportBytes + 1) }) };
        else
          yield {
            family: 'huge',
            text: JSON.stringify(setAt(structuredClone(doc), r.pick(paths(doc).filter((p) => p.length > 1)), 'é'.repeat(r.pick([41, 301, 20_001, 200_000])))),
          };
        break;
      case 3: // deep nesting, where a record's value goes, in `aside`, or as the whole file
        yield {
          family: 'deep nesting',
          text: r.pick([
            json.replace(/"value":\{/, `"value":${nested(5_000 + r.int(50_000), '{"text":', '}', '"x"')},"v":{`),
            json.replace(/\}$/, `,"aside":[{"key":"k","value":${nested(10_000 + r.int(50_000), '[', ']')}}]}`),
            nested(100_000, '[', ']'),
          ]),
        };
        break;
      case 4: // dangerous keys on the file, a record or a value
        yield {
          family: 'dangerous keys',
          text: r.pick([
            withKey(json, r.pick(dangerousKeys), '{"polluted":true}'),
            json.replace('"records"', `"${r.pick(dangerousKeys)}":{"polluted":true},"records"`),
            json.replace('"value":{', `"value":{"${r.pick(dangerousKeys)}":{"polluted":true},`),
          ]),
        };
        break;
      case 5: // markup and script in every string field
        yield {
          family: 'markup everywhere',
          text: JSON.stringify(doc, (key, value) => (typeof value === 'string' && key !== 'format' ? `${value}${r.pick(hostile.slice(0, 6))}` : value)),
        };
        break;
      case 6: // truncated
        yield { family: 'truncated', text: json.slice(0, r.int(json.length)) };
        break;
      case 7: {
        // a valid file with one bad record
        const bad = structuredClone(doc);
        const index = r.int(bad.records.length);
        const record = bad.records[index] as unknown as Record<string, unknown>;
        r.pick([
          () => (record.kind = 'diary'),
          () => (record.id = '<b>id</b>'),
          () => (record.updatedAt = 'yesterday'),
          () => (record.value = anyValue(r)),
          () => (record.extra = 1),
          () => delete record.module,
          () => bad.records.push(structuredClone(bad.records[index]!)), // the same id twice
        ])();
        yield { family: 'one bad record', text: JSON.stringify(bad) };
        break;
      }
      case 8:
      case 9: {
        // a random value anywhere
        const mutated = setAt(structuredClone(doc), r.pick(paths(doc)), anyValue(r));
        yield { family: 'random mutation', text: JSON.stringify(mutated) ?? 'undefined' };
        break;
      }
      default: // valid files, some of them with markup in the words
        yield { family: 'valid', text: json };
    }
  }
}

const problems: ImportProblem[] = ['tooLarge', 'notJson', 'notWaymark', 'newerVersion', 'damaged'];

/** Everything the backend holds, as text: the "byte for byte" the person's data is compared by. */
async function snapshot(backend: Backend): Promise<string> {
  return JSON.stringify((await backend.entries()).sort(([a], [b]) => a.localeCompare(b)));
}

describe('import fuzzing', () => {
  it('rejects every bad file with a plain reason, imports the rest safely, and loses nothing', async () => {
    const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();
    const figures = { tried: 0, rejected: 0, imported: 0, recordsLost: 0 };
    const byFamily = new Map<string, { tried: number; rejected: number }>();
    const existing = validDocument(random(7), 6).records;

    for (const { family, text } of files(20261126)) {
      figures.tried++;
      const counts = byFamily.get(family) ?? { tried: 0, rejected: 0 };
      counts.tried++;
      byFamily.set(family, counts);

      const backend = memoryBackend();
      const store = await RecordStore.open({ backend, debounceMs: 60_000, channelName: 'fuzz' });
      await store.putAll(existing);
      const before = await snapshot(backend);

      const parsed = parseImport(text);
      if (!parsed.ok) {
        figures.rejected++;
        counts.rejected++;
        expect(problems, `${family}: ${text.slice(0, 200)}`).toContain(parsed.problem);
        expect(strings[`plan.importProblem.${parsed.problem}`]).toMatch(/Nothing was changed\./);
        expect(await snapshot(backend), `${family}: the device's data changed after a rejection`).toBe(before);
      } else {
        // Brought back as the person would: new answers, and the changed ones after a yes.
        const preview = previewImport(store, parsed.document);
        const incoming = [...preview.added, ...preview.replaced.map((r) => r.incoming)];
        await store.putAll(incoming);
        figures.imported++;
        for (const record of parsed.document.records) {
          expect(Object.getPrototypeOf(record)).toBe(Object.prototype);
          expect(Object.getPrototypeOf(record.value)).toBe(Object.prototype);
          expect(JSON.stringify(store.get(record.id))).toBe(JSON.stringify(record));
        }
      }
      // Nothing that was on the device is lost: each record is there, or was replaced by the file's.
      const fileIds = new Set(parsed.ok ? parsed.document.records.map((r) => r.id) : []);
      for (const record of existing) {
        const now = store.get(record.id);
        if (!now || (!fileIds.has(record.id) && JSON.stringify(now) !== JSON.stringify(record))) figures.recordsLost++;
      }
      // No script ran and nothing leaked into every object.
      expect((globalThis as { __pwned?: boolean }).__pwned).toBeUndefined();
      expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
      expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys);
    }

    console.log(
      `import fuzzing: ${figures.tried} files tried, ${figures.rejected} rejected, ${figures.imported} imported, ${figures.recordsLost} records lost`,
    );
    console.table(Object.fromEntries(byFamily));
    expect(figures.tried).toBeGreaterThanOrEqual(1_000);
    expect(figures.rejected).toBeGreaterThan(500);
    expect(figures.imported).toBeGreaterThan(100);
    expect(figures.recordsLost).toBe(0);
    // Every family the issue names was tried, and each family of broken files was rejected.
    for (const family of ['wrong type', 'wrong version', 'huge', 'deep nesting', 'dangerous keys', 'truncated', 'one bad record']) {
      expect(byFamily.get(family)?.rejected, family).toBeGreaterThan(0);
    }
    expect(byFamily.get('wrong type')!.rejected).toBe(byFamily.get('wrong type')!.tried);
    expect(byFamily.get('one bad record')!.rejected).toBe(byFamily.get('one bad record')!.tried);
    expect(byFamily.get('truncated')!.rejected).toBe(byFamily.get('truncated')!.tried);
  }, 120_000);
});
