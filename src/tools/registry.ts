/**
 * The build's half of the registry: every kind of tool writers can place, from each folder's
 * `definition.ts` (its tag and attributes, and their checks). What each kind saves is the
 * browser's half, `values.ts`: adding a kind is its folder (see `src/tools/`) and its line here
 * and there. The order is the order the build names the tags to writers.
 *
 * Read by the build in plain Node (`src/mdx/vocabulary.ts`, `src/contract/tool-check.ts`) and by
 * `src/mdx/Tool.astro`; never by browser code (types aside), so none of it is sent to the page.
 */
import { checkin } from './checkin/definition.ts';
import type { ToolKindDefinition } from './kind.ts';
import { nextsteps } from './next-steps/definition.ts';
import { checklist, choices } from './pick-items/definition.ts';
import { planlist } from './planlist/definition.ts';
import { reflection } from './reflection/definition.ts';
import type { ToolKind } from './values.ts';

export type { ToolKind };

export const toolKinds = registry({
  reflection,
  checkin,
  checklist,
  choices,
  planlist,
  nextsteps,
});

/**
 * One definition for each kind in `values.ts`, under its kind: a saved record's kind finds its
 * definition, and a kind cannot be in one half of the registry and not the other.
 */
function registry<const Kinds extends { [Kind in ToolKind]: ToolKindDefinition<Kind> }>(
  kinds: Kinds & { [Other in Exclude<keyof Kinds, ToolKind>]: never },
): Kinds {
  return kinds;
}

/** Any one of the kinds' definitions, with its own literal types. */
export type RegisteredKind = (typeof toolKinds)[ToolKind];
export type ToolComponent = RegisteredKind['component'];

/** The kinds in the registry's order. */
export const toolKindList: RegisteredKind[] = Object.values(toolKinds);

/** The kind a writer's tag stands for. */
export function kindOfComponent(component: ToolComponent): RegisteredKind {
  return toolKindList.find((kind) => kind.component === component)!;
}

/** One entry per tag writers can use, like `{ Reflection: …, CheckIn: … }`. */
export function forEachComponent<T>(entry: (kind: RegisteredKind) => T): Record<ToolComponent, T> {
  // Object.fromEntries cannot know its keys are exactly the tags; they are, one per registered kind.
  return Object.fromEntries(toolKindList.map((kind) => [kind.component, entry(kind)])) as Record<ToolComponent, T>;
}
