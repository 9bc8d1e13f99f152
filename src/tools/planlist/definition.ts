/** `<PlanList>`: a list for one part of a personal plan, started from the author's examples. */
import * as v from 'valibot';
import { defineToolKind, list } from '../kind.ts';
import { planSections } from './sections.ts';

export const planlist = defineToolKind({
  kind: 'planlist',
  component: 'PlanList',
  island: 'planlist/PlanList',
  attributes: {
    /** Which part of the plan it builds. */
    section: {
      choices: planSections,
      wrong: 'which is not a part of the plan',
      fix: `Use one of: ${planSections.map((s) => `section="${s}"`).join(', ')}.`,
    },
  },
  value: v.strictObject({ items: list(1_000) }),
  hasAnswer: (value) => value.items.length > 0,
});
