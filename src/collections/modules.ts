/** The modules of a locale, with their steps in order, from the `modules` collection. */
import { tools } from 'virtual:waymark/config';
import { type CollectionEntry, getCollection } from 'astro:content';
import type { ToolDefinition } from '../tools/tool';

export type ModuleEntry = CollectionEntry<'modules'>;

export interface Module {
  locale: string;
  /** The folder name, which is also the module's address (`hope`). */
  slug: string;
  overview: ModuleEntry;
  steps: Step[];
  /** The tools placed in its pages, from the build-time catalogue. */
  tools: ToolDefinition[];
}

export interface Step {
  slug: string;
  entry: ModuleEntry;
}

/** Every module in every locale, each with its steps sorted by `order`. */
export async function allModules(): Promise<Module[]> {
  const entries = await getCollection('modules');
  const modules = new Map<string, Module>();
  const steps: Array<{ key: string; step: Step }> = [];
  for (const entry of entries) {
    // The glob loader gives an overview the id `en/hope` (its `/index` dropped) and a step `en/hope/noticing`.
    const [locale, slug, page] = entry.id.split('/') as [string, string, string | undefined];
    const key = `${locale}/${slug}`;
    if (page === undefined) {
      const inModule = tools.filter((tool) => tool.locale === locale && tool.module === slug);
      modules.set(key, { locale, slug, overview: entry, steps: [], tools: inModule });
    } else steps.push({ key, step: { slug: page, entry } });
  }
  for (const { key, step } of steps) modules.get(key)?.steps.push(step);
  for (const module of modules.values()) module.steps.sort((a, b) => a.entry.data.order - b.entry.data.order);
  return [...modules.values()].sort((a, b) => a.overview.data.order - b.overview.data.order);
}

export async function modulesIn(locale: string): Promise<Module[]> {
  return (await allModules()).filter((module) => module.locale === locale);
}

/** Progress keys: `module/step` for each step, `module/tool-id` for each tool. */
export const stepKeys = (module: Module) => module.steps.map((step) => `${module.slug}/${step.slug}`);
export const toolKeys = (module: Module) => module.tools.map((tool) => `${module.slug}/${tool.id}`);
