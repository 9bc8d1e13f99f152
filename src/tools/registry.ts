/**
 * Every kind of tool writers can place. Each kind is a folder of `src/tools/` (its definition,
 * island, Astro wrapper and answer view); adding one is that folder, its import and its line
 * here. The order is the order the build names the tags to writers; the keys are the `kind`
 * saved with answers.
 *
 * Read by the build in plain Node (`src/mdx/vocabulary.ts`, `src/contract/tool-check.ts`), by
 * `src/mdx/Tool.astro`, by the device's record schema, and by My plan and End the session.
 */
import type * as v from 'valibot';
import { checkin } from './checkin/definition.ts';
import type { ToolKindDefinition } from './kind.ts';
import { checklist, choices } from './pick-items/definition.ts';
import { planlist } from './planlist/definition.ts';
import { reflection } from './reflection/definition.ts';

export const toolKinds = registry({
  reflection,
  checkin,
  checklist,
  choices,
  planlist,
});

/** Each key must be the kind its definition says, so a saved record's kind finds its definition. */
function registry<const Kinds extends { [Kind in keyof Kinds]: ToolKindDefinition & { kind: Kind } }>(kinds: Kinds): Kinds {
  return kinds;
}

export type ToolKind = keyof typeof toolKinds;
/** Any one of the kinds' definitions, with its own literal types. */
export type RegisteredKind = (typeof toolKinds)[ToolKind];
export type ToolComponent = RegisteredKind['component'];
/** What each kind saves on the device. */
export type ValueOf = { [Kind in ToolKind]: v.InferOutput<(typeof toolKinds)[Kind]['value']> };

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
