/**
 * The answers a check-in offers, in its own module so that with check-ins switched off in
 * site.yaml, nothing of them is left in any other script.
 */
import { checkIns } from 'virtual:waymark/features';
import type { ToolDefinition } from '../tool';

/**
 * The answers a check-in offers: 0 to 10, or five words from very hard to very good. The words
 * come from the island's strings or My plan's (which may lack a key, so a word may be missing).
 */
export function scaleSteps(scale: ToolDefinition['scale'], labels: Readonly<Record<string, string>>): Array<{ value: number; label: string | undefined }> {
  // Switched off, this module is still a script My plan imports (the bundler keeps the import of
  // a shared script after the chart that used it is left out), so it keeps none of the words.
  if (!checkIns) return [];
  if (scale === '0-10') return Array.from({ length: 11 }, (_, value) => ({ value, label: String(value) }));
  const words = [labels['checkin.word1'], labels['checkin.word2'], labels['checkin.word3'], labels['checkin.word4'], labels['checkin.word5']];
  return words.map((label, i) => ({ value: i + 1, label }));
}

/** How many steps at the hard end of a scale count as a hard answer (for the gentle note). */
const hardSteps = 2;

/**
 * Whether a rating is one of the lowest steps of its scale. Every scale runs from hard to good
 * (`scaleSteps` lists them in that order), so this holds for any scale and any language.
 */
export function isHard(steps: ReadonlyArray<{ value: number }>, rating: number | null | undefined): boolean {
  return rating != null && steps.slice(0, hardSteps).some((step) => step.value === rating);
}
