/**
 * What a tool kind says about itself in its folder's `definition.ts`: the tag writers place, the
 * attributes it takes beyond `id`, `prompt` and `hint` (checked at build time by
 * `src/contract/tool-check.ts`), and the value it saves on the device.
 *
 * No JSX and no Astro here or in a definition: `npm run check` reads them in plain Node. Every
 * page with a tool loads them too (the saved-record schema is built from them), so they stay small.
 */
import * as v from 'valibot';

/** An attribute that takes one of a few words, like `scale="0-10"`. */
export interface ChoiceAttribute<Choice extends string = string> {
  choices: readonly Choice[];
  /** Used when the attribute is left out; without a default, writers must give it. */
  default?: Choice;
  /** Why a wrong value is wrong, said after `is "…", `. */
  wrong: string;
  /** What to write instead. */
  fix: string;
}

export interface ToolKindDefinition<
  Kind extends string = string,
  Component extends string = string,
  Value extends v.GenericSchema = v.GenericSchema,
  Attributes extends Record<string, ChoiceAttribute> = Record<string, ChoiceAttribute>,
  LabelKey extends string = string,
> {
  /** Saved with every answer (a record's `kind`), so it never changes once people use the site. */
  kind: Kind;
  /** The tag writers use in MDX, like `<CheckIn>`. */
  component: Component;
  /**
   * The island's path under `src/tools/`, like `checkin/CheckIn`. Beside it are its Astro wrapper
   * (`CheckIn.astro`) and its answer in My plan (`CheckInAnswer.tsx`): Node cannot load those,
   * so this definition names them rather than importing them.
   */
  island: string;
  /** What the Markdown list inside the tool holds, when the tool needs one ("questions"). */
  items?: string;
  /** True when the tool stands without a prompt (a check-in's questions are enough). */
  promptOptional?: boolean;
  attributes: Attributes;
  /** UI strings only this kind's island uses, sent to the page with the shared ones. */
  labels?: readonly LabelKey[];
  /** The shape of what the tool saves: checked when records are read and when a copy is brought back. */
  value: Value;
  /** Whether a saved value holds something the person wrote or chose (My plan, progress marks). */
  hasAnswer(value: v.InferOutput<Value>): boolean;
}

/** Keeps the literal types of a definition (its kind, tag, choices), which the registry's types are made from. */
export function defineToolKind<
  const Kind extends string,
  const Component extends string,
  Value extends v.GenericSchema,
  const Attributes extends Record<string, ChoiceAttribute>,
  const LabelKey extends string = never,
>(definition: ToolKindDefinition<Kind, Component, Value, Attributes, LabelKey>) {
  return definition;
}

/** Words, up to `max` characters. */
export const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
/** A list of up to `items` entries of up to `max` characters each. */
export const list = (max: number, items = 200) => v.pipe(v.array(text(max)), v.maxLength(items));
