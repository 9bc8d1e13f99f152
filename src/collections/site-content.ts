/** The content's shape for the route table (`src/routes/index.ts`), read once from the collections. */
import type { SiteContent } from '../routes/index';
import { allModules } from './modules';
import { allStories } from './stories';

let content: Promise<SiteContent> | undefined;

export function siteContent(): Promise<SiteContent> {
  content ??= Promise.all([allModules(), allStories()]).then(([modules, stories]) => ({
    modules: modules.map((module) => ({ locale: module.locale, slug: module.slug, steps: module.steps.map((step) => step.slug) })),
    stories: stories.map(({ locale, slug, entry }) => ({ locale, slug, kind: entry.data.kind, themes: entry.data.themes, modules: entry.data.modules })),
  }));
  return content;
}
