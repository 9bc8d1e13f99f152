/** "What we'll do next" travels like every answer: a copy holding it is brought back whole, a damaged one not at all. */
import { describe, expect, it } from 'vitest';
import { parseImport } from '../src/device/transfer';

const copy = (value: unknown) =>
  JSON.stringify({
    format: 'waymark-export',
    version: 1,
    exportedAt: '2026-11-30T10:00:00.000Z',
    records: [{ id: 'what-we-will-do-next', module: 'session', kind: 'nextsteps', updatedAt: 2, value }],
  });

describe('what we will do next, in a copy', () => {
  it('is brought back with every entry, the worker line optional', () => {
    const entries = [
      { at: 1, words: 'Call my sister', worker: 'I will ring on Tuesday' },
      { at: 2, words: 'Walk to the shop' },
    ];
    const parsed = parseImport(copy({ entries }));
    expect(parsed.ok && parsed.document.records[0]).toMatchObject({ kind: 'nextsteps', value: { entries } });
  });

  it('is refused, changing nothing, when an entry has no words or something unknown', () => {
    expect(parseImport(copy({ entries: [{ at: 1 }] }))).toMatchObject({ ok: false, problem: 'damaged' });
    expect(parseImport(copy({ entries: [{ at: 1, words: 'x', script: '<b>' }] }))).toMatchObject({ ok: false, problem: 'damaged' });
    expect(parseImport(copy({ entries: [{ at: 1, words: 'x'.repeat(5_001) }] }))).toMatchObject({ ok: false, problem: 'damaged' });
  });
});
