/**
 * Which tool each saved answer belongs to, looked up in the modules of every language: an answer
 * written in an English module is still the person's on an Arabic page. The page's own language
 * is looked in first (`planModules` puts it first), so a translated tool shows in the page's words.
 */
import { hasAnswer, type StoredRecord } from '../../device/schema';
import type { PlanModule, PlanTool } from './MyPlan';

export interface PlacedAnswer {
  record: StoredRecord;
  tool: PlanTool;
  module: PlanModule;
}

/** Each record that holds an answer, with its tool and module, in the modules' order; a record with no tool is left out. */
export function placeAnswers(records: readonly StoredRecord[], modules: readonly PlanModule[]): PlacedAnswer[] {
  const waiting = new Map(records.filter((record) => hasAnswer(record)).map((record) => [record.id, record]));
  const placed: PlacedAnswer[] = [];
  for (const module of modules) {
    for (const tool of module.tools) {
      const record = waiting.get(tool.id);
      if (!record || record.kind !== tool.kind) continue;
      placed.push({ record, tool, module });
      waiting.delete(tool.id);
    }
  }
  return placed;
}

/** The prompt a person sees above an answer (a check-in without one: its first question). */
export const promptOf = (tool: PlanTool) => tool.prompt || tool.items[0] || '';

/** `lang` and `dir` for words in another language than the page's; nothing when it is the page's. */
export const languageAttributes = (module: PlanModule) => (module.language ? { lang: module.locale, dir: module.dir } : {});
