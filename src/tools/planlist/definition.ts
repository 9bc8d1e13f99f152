/** `<PlanList>`: a list for one part of a personal plan, started from the author's examples. What it saves is in `value.ts`. */
import { defineToolKind } from '../kind.ts';
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
});
