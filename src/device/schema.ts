/**
 * What Waymark keeps on the device: one record per tool a person answered, and the versioned
 * export file. Validated with valibot rather than zod (which checks content/ at build time):
 * the same kind of schema at a third of the bytes, and these bytes go to every page with a tool.
 * Each kind's value is defined in its folder (`src/tools/<folder>/value.ts`), listed in `src/tools/values.ts`.
 */
import * as v from 'valibot';
import { whole } from '../tools/kind-value';
import { type ToolKind, toolValues, type ValueOf } from '../tools/values';

export type { ToolKind, ValueOf };

/** Bump when the shape of a stored record changes, and add a migration in `migrations.ts`. */
export const schemaVersion = 1;

/** A tool id as authors write it, also used as the storage key. */
const slug = v.pipe(v.string(), v.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/), v.maxLength(100));

const RecordBase = {
  id: slug,
  /** The module the tool is in (its folder name). */
  module: slug,
  /** When it was last changed, in milliseconds since 1970 (Date.now()). */
  updatedAt: whole(0, Number.MAX_SAFE_INTEGER),
};

/** A record of one kind: its id, module and time, and the value that kind saves. */
type RecordFor<Kind extends ToolKind> = { [K in Kind]: { id: string; module: string; updatedAt: number; kind: K; value: ValueOf[K] } }[Kind];

export type StoredRecord = RecordFor<ToolKind>;
export type RecordOf<K extends ToolKind> = RecordFor<K>;

// Built from the kinds' saved values, one object per kind. map() loses which value goes with which
// kind, so the type is said here; each object below is exactly that pairing.
export const StoredRecordSchema = v.variant(
  'kind',
  Object.entries(toolValues).map(([kind, tool]) => v.strictObject({ ...RecordBase, kind: v.literal(kind), value: tool.value })),
) as v.GenericSchema<unknown, StoredRecord>;

export function parseRecord(raw: unknown): StoredRecord | undefined {
  const result = v.safeParse(StoredRecordSchema, raw);
  return result.success ? result.output : undefined;
}

/** True when a record holds something the person wrote or chose. */
export function hasAnswer<K extends ToolKind>(record: RecordFor<K>): boolean {
  const kinds: { [Kind in ToolKind]: { hasAnswer(value: ValueOf[Kind]): boolean } } = toolValues;
  return kinds[record.kind].hasAnswer(record.value);
}
