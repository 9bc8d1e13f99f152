/** The sections of a personal plan a `<PlanList>` can build, in the order My plan shows them. */
export const planSections = ['warning-signs', 'what-helps', 'people', 'keep-doing'] as const;
export type PlanSection = (typeof planSections)[number];
