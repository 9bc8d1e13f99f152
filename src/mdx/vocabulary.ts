/** The components writers can use in `.mdx` files, checked before the build. */
export const authorComponents = ['Callout', 'TryThisWeek', 'Reflection', 'CheckIn', 'Checklist', 'Choices', 'PlanList', 'Story', 'ForWorkers'] as const;

export type AuthorComponent = (typeof authorComponents)[number];

/** The tools: components that save what a person writes or chooses, each under its own `id`. */
export const toolComponents = {
  Reflection: 'reflection',
  CheckIn: 'checkin',
  Checklist: 'checklist',
  Choices: 'choices',
  PlanList: 'planlist',
} as const satisfies Partial<Record<AuthorComponent, string>>;

export type ToolComponent = keyof typeof toolComponents;
export type ToolKind = (typeof toolComponents)[ToolComponent];

/** The sections of a personal plan a `<PlanList>` can build. */
export const planSections = ['warning-signs', 'what-helps', 'people', 'keep-doing'] as const;
export type PlanSection = (typeof planSections)[number];

/** A tool as placed in the content, read at build time: what My plan and the tools are built from. */
export interface ToolDefinition {
  id: string;
  kind: ToolKind;
  locale: string;
  module: string;
  /** The step's file name without `.mdx`, or `index` for a module's overview. */
  step: string;
  /** The question or invitation shown above the tool. */
  prompt: string;
  /** The list inside the tool: questions (CheckIn), items (Checklist, Choices), examples (PlanList). */
  items: string[];
  /** CheckIn: five steps in words, or 0 to 10. */
  scale?: 'words' | '0-10' | undefined;
  /** PlanList: which part of the plan it builds. */
  section?: PlanSection | undefined;
}

/** The `module` of the reflection that follows each story (they are not in a module). */
export const storiesModule = 'stories';
