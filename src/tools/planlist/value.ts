/** What a `<PlanList>` saves: the person's list. */
import * as v from 'valibot';
import { list, type ToolValueDefinition } from '../kind-value.ts';

const value = v.strictObject({ items: list(1_000) });

export const planlist = {
  value,
  hasAnswer: (saved) => saved.items.length > 0,
} satisfies ToolValueDefinition<typeof value>;
