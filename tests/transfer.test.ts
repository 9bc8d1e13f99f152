/** Import files are checked in full: a bad one gets a plain reason and changes nothing. */
import { describe, expect, it } from 'vitest';
import { memoryBackend } from '../src/device/backends';
import { RecordStore } from '../src/device/store';
import { exportDocument, parseImport, previewImport } from '../src/device/transfer';

globalThis.localStorage ??= { getItem: () => null, setItem: () => undefined, removeItem: () => undefined } as unknown as Storage;

const reflection = (id: string, text: string, updatedAt = 1) => ({ id, module: 'hope', kind: 'reflection', updatedAt, value: { text } });
const file = (records: unknown[], extra: Record<string, unknown> = {}) =>
  JSON.stringify({ format: 'waymark-export', version: 1, exportedAt: '2026-11-26T10:00:00.000Z', records, ...extra });

describe('parseImport', () => {
  it('accepts a file the export wrote', async () => {
    const store = await RecordStore.open({ backend: memoryBackend(), debounceMs: 1 });
    store.update({ id: 'a', module: 'hope', kind: 'reflection', value: { text: 'Tea with my sister' } });
    await store.flush();
    const parsed = parseImport(JSON.stringify(await exportDocument(store)));
    expect(parsed.ok && parsed.document.records[0]?.value).toEqual({ text: 'Tea with my sister' });
  });

  it.each([
    ['not JSON', '{"format": "waymark-export", ', 'notJson'],
    ['another app’s file', JSON.stringify({ hello: 'world' }), 'notWaymark'],
    ['a list instead of a file', '[]', 'notWaymark'],
    ['a newer version', JSON.stringify({ format: 'waymark-export', version: 99, records: [] }), 'newerVersion'],
    ['a record of an unknown kind', file([{ ...reflection('a', 'x'), kind: 'diary' }]), 'damaged'],
    ['a number where words go', file([{ ...reflection('a', 'x'), value: { text: 5 } }]), 'damaged'],
    ['a __proto__ key', file([reflection('a', 'x')]).replace('"kind"', '"__proto__":{"polluted":true},"kind"'), 'damaged'],
    ['an extra key', file([{ ...reflection('a', 'x'), extra: 1 }]), 'damaged'],
    ['the same record twice', file([reflection('a', 'x'), reflection('a', 'y')]), 'damaged'],
  ])('rejects %s', (_, text, problem) => {
    const parsed = parseImport(text);
    expect(parsed).toMatchObject({ ok: false, problem });
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });

  it('names the field that is wrong', () => {
    const parsed = parseImport(file([reflection('a', 'x'), { ...reflection('b', 'y'), updatedAt: 'yesterday' }]));
    expect(parsed).toMatchObject({ ok: false, problem: 'damaged', detail: expect.stringContaining('records.1.updatedAt') });
  });
});

describe('previewImport', () => {
  it('sorts the file into added, replaced (newer or older) and unchanged', async () => {
    const store = await RecordStore.open({ backend: memoryBackend(), debounceMs: 1 });
    await store.putAll([reflection('same', 'Same', 5), reflection('older-here', 'Old words', 5), reflection('newer-here', 'New words', 50)] as never);
    const parsed = parseImport(
      file([reflection('same', 'Same', 9), reflection('older-here', 'Newer', 10), reflection('newer-here', 'Older', 10), reflection('fresh', 'Hi', 10)]),
    );
    if (!parsed.ok) throw new Error('expected a valid file');
    const preview = previewImport(store, parsed.document);
    expect(preview.added.map((r) => r.id)).toEqual(['fresh']);
    expect(preview.unchanged).toBe(1);
    expect(preview.replaced.map((r) => [r.incoming.id, r.incomingIsNewer])).toEqual([
      ['older-here', true],
      ['newer-here', false],
    ]);
  });
});
