/**
 * What a tool kind says in its folder's `value.ts`: the value it saves on the device, and when
 * that value holds an answer (the kind's name is its key in `values.ts`). This half of a kind is what the browser needs (the saved-record
 * schema is built from it), so it goes to every page with a tool: keep it small, and keep
 * everything only the build reads (the tag, its attributes, their messages) in `definition.ts`.
 *
 * No JSX and no Astro here or in a `value.ts`: they are also read in plain Node.
 */
import * as v from 'valibot';

export interface ToolValueDefinition<Value extends v.GenericSchema = v.GenericSchema> {
  /** The shape of what the tool saves: checked when records are read and when a copy is brought back. */
  value: Value;
  /** Whether a saved value holds something the person wrote or chose (My plan, progress marks). */
  hasAnswer(value: v.InferOutput<Value>): boolean;
}

/** A whole number from `min` to `max`. */
export const whole = (min: number, max: number) => v.pipe(v.number(), v.integer(), v.minValue(min), v.maxValue(max));
/** Words, up to `max` characters. */
export const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
/** A list of up to `items` entries of up to `max` characters each. */
export const list = (max: number, items = 200) => v.pipe(v.array(text(max)), v.maxLength(items));
