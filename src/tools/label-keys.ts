/**
 * Which UI strings a tool's island is given (`src/mdx/Tool.astro` picks them from the page's
 * language at build time). Read by the build only: it lists the kinds' own keys from the registry.
 */
import { type RegisteredKind, toolKindList } from './registry';

/** The strings every tool uses (saving, adding, the lock); a kind's own are in its definition. */
const sharedLabelKeys = [
  'tool.saving',
  'tool.saved',
  'tool.savedForNow',
  'tool.notSavedQuota',
  'tool.notSavedFailed',
  'tool.notKept',
  'tool.conflict',
  'tool.conflictOther',
  'tool.keepMine',
  'tool.useOther',
  'tool.addOwn',
  'tool.add',
  'tool.remove',
  'tool.yourOwn',
  'tool.nothingYet',
  'tool.examples',
  'tool.savedGuest',
  'lock.heading',
  'lock.text',
  'lock.label',
  'lock.unlock',
  'lock.checking',
  'lock.wrong',
  'lock.forgot',
  'lock.lockedLine',
  'plan.forgetButton',
  'plan.forgetConfirm',
  'plan.forgetYes',
  'plan.forgetNo',
] as const;

type KindLabelKey = NonNullable<RegisteredKind['labels']>[number];
export type ToolLabelKey = (typeof sharedLabelKeys)[number] | KindLabelKey;

/** Every key a tool's island may use, in the order they are sent. */
export function toolLabelKeys(): ToolLabelKey[] {
  return [...sharedLabelKeys, ...toolKindList.flatMap((kind) => kind.labels ?? [])];
}
