/**
 * A tool as placed in the content, and what every kind's wrapper, island and answer view is given.
 */
import type { ChoiceAttribute } from './kind.ts';
import type { Labels } from './labels.ts';
import type { RegisteredKind } from './registry.ts';
import type { ToolKind, ValueOf } from './values.ts';

/** A tool as placed in the content, read at build time: what My plan and the tools are built from. */
export type ToolDefinition = PlacedTool & KindAttributes;

interface PlacedTool {
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
}

// Each kind's own attributes (`scale`, `section`) as the word chosen, made from the definitions
// (where they are documented), so a new kind's attribute needs no line here.
type AttributeNameOf<Kind> = Kind extends { attributes: infer Attributes } ? keyof Attributes & string : never;
type ChoiceOf<Kind, Name extends string> = Kind extends { attributes: Record<Name, ChoiceAttribute<infer Choice>> } ? Choice : never;
type KindAttributes = { [Name in AttributeNameOf<RegisteredKind>]?: ChoiceOf<RegisteredKind, Name> | undefined };

/** What every tool's island is given. */
export interface ToolProps<Kind extends ToolKind = ToolKind> {
  tool: ToolDefinition & { kind: Kind };
  hint?: string | undefined;
  labels: Labels;
}

/** What `src/mdx/Tool.astro` gives a kind's Astro wrapper, which passes on what its island uses. */
export interface WrapperProps<Kind extends ToolKind = ToolKind> extends ToolProps<Kind> {
  /** For dates written the page's way. */
  locale: string;
}

/** What My plan and End the session give a kind's answer view (the `*Answer.tsx` in its folder). */
export interface AnswerProps<Kind extends ToolKind = ToolKind> {
  tool: ToolDefinition;
  value: ValueOf[Kind];
  /** The page's strings: not every key is there (a switched-off feature's are left out). */
  labels: Record<string, string>;
  locale: string;
}
