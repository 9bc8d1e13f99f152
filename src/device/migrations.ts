/**
 * How stored records are brought up to date when their shape changes (localforage has no
 * migrations of its own). `migrations[n]` turns a record saved at version n into version n + 1;
 * the store applies them in turn when it opens, then validates the result.
 *
 * Version 0 is data saved before the store was versioned: none was ever released, so its
 * migration is the identity. To change a record's shape: bump `schemaVersion` in `schema.ts`,
 * add `migrations[<old version>]` here, and add a test in tests/storage.test.ts.
 */
import { parseRecord, type StoredRecord } from './schema';

export type Migration = (record: unknown) => unknown;

export const migrations: Record<number, Migration> = {
  0: (record) => record,
};

/** A record saved at version `from`, brought to `to` and validated; undefined when it cannot be. */
export function migrateRecord(raw: unknown, from: number, to: number, steps: Record<number, Migration>): StoredRecord | undefined {
  try {
    let value = raw;
    for (let v = from; v < to; v++) {
      const step = steps[v];
      if (!step) return undefined;
      value = step(value);
    }
    return parseRecord(value);
  } catch {
    return undefined;
  }
}
