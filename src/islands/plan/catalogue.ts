/** The tools of each module, with the address of the page each is on: what My plan lists. */
import { tools } from 'virtual:waymark/config';
import type { Module } from '../../collections/modules';
import { storiesModule } from '../../mdx/vocabulary';
import { pageHref, translator } from '../../i18n';
import type { PlanModule } from './MyPlan';

/** The modules, then the reflections after stories, as one more group. */
export function planModules(locale: string, modules: Module[]): PlanModule[] {
  const afterStories = tools.filter((tool) => tool.locale === locale && tool.module === storiesModule);
  const stories: PlanModule = {
    slug: storiesModule,
    title: translator(locale)('plan.stories'),
    tools: afterStories.map((tool) => ({ ...tool, href: `${pageHref(locale, 'stories', tool.step)}#tool-${tool.id}` })),
  };
  return [...modulesWithPages(locale, modules), ...(afterStories.length ? [stories] : [])];
}

function modulesWithPages(locale: string, modules: Module[]): PlanModule[] {
  return modules.map((module) => ({
    slug: module.slug,
    title: module.overview.data.title,
    tools: module.tools.map((tool) => {
      const page = tool.step === 'index' ? pageHref(locale, 'modules', module.slug) : pageHref(locale, 'modules', module.slug, tool.step);
      return { ...tool, href: `${page}#tool-${tool.id}` };
    }),
  }));
}
