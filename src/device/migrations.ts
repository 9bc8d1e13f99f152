/**
 * How stored records are brought up to date when their shape changes (localforage has no
 * migrations of its own). `migrations[n]` turns a record saved at version n into version n + 1;
 * the store applies them in turn when it opens, then validates the result.
 *
 * Version 0 is data saved before the store was versioned: none was ever released, so its
 * migration is the identity. To change a record's shape: bump `schemaVersion` in `schema.ts`,
 * add `migrations[<old version>]` here, and add a test in tests/storage.test.ts.
 */
export type Migration = (record: unknown) => unknown;

export const migrations: Record<number, Migration> = {
  0: (record) => record,
};
