/**
 * The browser's half of the registry: what each kind of tool saves on the device, from each
 * folder's `value.ts`. The device's record schema is built from it, so it goes to every page with
 * a tool; it imports no `definition.ts`, so no tag, attribute or build message goes with it.
 *
 * Adding a kind is its folder and its line here and in `registry.ts` (the build's half, which
 * must list the same kinds: the type checker says when one is missing from either). The keys are
 * the `kind` saved with answers, so they never change once people use the site.
 */
import type * as v from 'valibot';
import { checkin } from './checkin/value.ts';
import type { ToolValueDefinition } from './kind-value.ts';
import { nextsteps } from './next-steps/value.ts';
import { pickItems } from './pick-items/value.ts';
import { planlist } from './planlist/value.ts';
import { reflection } from './reflection/value.ts';

export const toolValues = {
  reflection,
  checkin,
  checklist: pickItems,
  choices: pickItems,
  planlist,
  nextsteps,
} satisfies Record<string, ToolValueDefinition>;

export type ToolKind = keyof typeof toolValues;
/** What each kind saves on the device. */
export type ValueOf = { [Kind in ToolKind]: v.InferOutput<(typeof toolValues)[Kind]['value']> };
