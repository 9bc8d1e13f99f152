/**
 * What a tool kind says about itself in its folder's `definition.ts`, for the build only: the tag
 * writers place and the attributes it takes beyond `id`, `prompt` and `hint` (checked at build
 * time by `src/contract/tool-check.ts`, with the messages writers see). What it saves on the
 * device is in the folder's `value.ts` (see `kind-value.ts`), the half the browser loads.
 *
 * No JSX and no Astro here or in a definition: `npm run check` reads them in plain Node. No browser
 * code imports a definition or `registry.ts`, so none of this is sent to people's devices.
 */
import type { ToolKind } from './values.ts';

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
  Kind extends ToolKind = ToolKind,
  Component extends string = string,
  Attributes extends Record<string, ChoiceAttribute> = Record<string, ChoiceAttribute>,
  LabelKey extends string = string,
> {
  /** Its key in `values.ts`, saved with every answer (a record's `kind`), so it never changes once people use the site. */
  kind: Kind;
  /** The tag writers use in MDX, like `<CheckIn>`. */
  component: Component;
  /**
   * The island's path under `src/tools/`, like `checkin/CheckIn`. Beside it is its Astro wrapper
   * (`CheckIn.astro`): Node cannot load that, so this definition names it rather than importing it.
   */
  island: string;
  /** What the Markdown list inside the tool holds, when the tool needs one ("questions"). */
  items?: string;
  /** True when the tool stands without a prompt (a check-in's questions are enough). */
  promptOptional?: boolean;
  attributes: Attributes;
  /** UI strings only this kind's island uses, sent to the page with the shared ones. */
  labels?: readonly LabelKey[];
}

/** Keeps the literal types of a definition (its kind, tag, choices), which the registry's types are made from. */
export function defineToolKind<
  const Kind extends ToolKind,
  const Component extends string,
  const Attributes extends Record<string, ChoiceAttribute>,
  const LabelKey extends string = never,
>(definition: ToolKindDefinition<Kind, Component, Attributes, LabelKey>) {
  return definition;
}
