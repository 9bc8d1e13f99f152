/**
 * What Waymark keeps on the device: one record per tool a person answered, and the versioned
 * export file. Validated with valibot rather than zod (which checks content/ at build time):
 * the same kind of schema at a third of the bytes, and these bytes go to every page with a tool.
 */
import * as v from 'valibot';
import type { ToolKind } from '../mdx/vocabulary';

export type { ToolKind };

/** Bump when the shape of a stored record changes, and add a migration in `migrations.ts`. */
export const schemaVersion = 1;

const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const list = (max: number, items = 200) => v.pipe(v.array(text(max)), v.maxLength(items));
const whole = (min: number, max: number) => v.pipe(v.number(), v.integer(), v.minValue(min), v.maxValue(max));

export const ReflectionValue = v.strictObject({ text: text(20_000) });
export const CheckInValue = v.strictObject({
  /** One entry per day: rating again on the same day replaces that day's answers. */
  entries: v.pipe(
    v.array(
      v.strictObject({
        date: v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/)),
        /** One rating per question, in the order the questions are asked (null: skipped). */
        ratings: v.pipe(v.array(v.nullable(whole(0, 10))), v.maxLength(20)),
      }),
    ),
    v.maxLength(5_000),
  ),
});
/** Checklist and Choices: what is ticked or picked (the author's items and the person's own). */
export const PickValue = v.strictObject({ selected: list(500), added: list(500) });
export const PlanListValue = v.strictObject({ items: list(1_000) });

export interface ValueOf {
  reflection: v.InferOutput<typeof ReflectionValue>;
  checkin: v.InferOutput<typeof CheckInValue>;
  checklist: v.InferOutput<typeof PickValue>;
  choices: v.InferOutput<typeof PickValue>;
  planlist: v.InferOutput<typeof PlanListValue>;
}

/** A tool id as authors write it, also used as the storage key. */
const slug = v.pipe(v.string(), v.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/), v.maxLength(100));

const RecordBase = {
  id: slug,
  /** The module the tool is in (its folder name). */
  module: slug,
  /** When it was last changed, in milliseconds since 1970 (Date.now()). */
  updatedAt: whole(0, Number.MAX_SAFE_INTEGER),
};

export const StoredRecordSchema = v.variant('kind', [
  v.strictObject({ ...RecordBase, kind: v.literal('reflection'), value: ReflectionValue }),
  v.strictObject({ ...RecordBase, kind: v.literal('checkin'), value: CheckInValue }),
  v.strictObject({ ...RecordBase, kind: v.literal('checklist'), value: PickValue }),
  v.strictObject({ ...RecordBase, kind: v.literal('choices'), value: PickValue }),
  v.strictObject({ ...RecordBase, kind: v.literal('planlist'), value: PlanListValue }),
]);

export type StoredRecord = v.InferOutput<typeof StoredRecordSchema>;
export type RecordOf<K extends ToolKind> = Extract<StoredRecord, { kind: K }>;

export function parseRecord(raw: unknown): StoredRecord | undefined {
  const result = v.safeParse(StoredRecordSchema, raw);
  return result.success ? result.output : undefined;
}

/** True when a record holds something the person wrote or chose. */
export function hasAnswer(record: StoredRecord): boolean {
  switch (record.kind) {
    case 'reflection':
      return record.value.text.trim() !== '';
    case 'checkin':
      return record.value.entries.length > 0;
    case 'checklist':
    case 'choices':
      return record.value.selected.length > 0 || record.value.added.length > 0;
    case 'planlist':
      return record.value.items.length > 0;
  }
}
