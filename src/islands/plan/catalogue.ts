/**
 * The tools of each module, with the address of the page each is on: what My plan and End the
 * session list. Modules in the page's language come first, then those in other languages: a site
 * with one module translated has people answering in the others, and every answer is theirs to see.
 */
import { tools } from 'virtual:waymark/config';
import type { Module } from '../../collections/modules';
import { storiesModule } from '../../mdx/vocabulary';
import { direction, pageHref, translator } from '../../i18n';
import type { PlanModule } from './MyPlan';

/** The modules (of any language), then the reflections after stories, as one more group per language. */
export function planModules(locale: string, modules: Module[]): PlanModule[] {
  const languages = [...new Set([locale, ...modules.map((module) => module.locale)])];
  const inOrder = languages.flatMap((language) => [
    ...modulesWithPages(
      locale,
      modules.filter((module) => module.locale === language),
    ),
    ...storiesOf(locale, language),
  ]);
  // The page's own language first, with its stories last among them, as before.
  return inOrder.sort((a, b) => Number(a.locale !== locale) - Number(b.locale !== locale));
}

/** The language of a module, as the page says it ("الإنجليزية" on an Arabic page), when it is not the page's. */
function languageOf(pageLocale: string, locale: string): Pick<PlanModule, 'locale' | 'dir' | 'language'> {
  const name = locale === pageLocale ? undefined : new Intl.DisplayNames([pageLocale], { type: 'language' }).of(locale);
  return { locale, dir: direction(locale), ...(name ? { language: name } : {}) };
}

function storiesOf(pageLocale: string, locale: string): PlanModule[] {
  const afterStories = tools.filter((tool) => tool.locale === locale && tool.module === storiesModule);
  if (afterStories.length === 0) return [];
  return [
    {
      slug: storiesModule,
      title: translator(locale)('plan.stories'),
      ...languageOf(pageLocale, locale),
      tools: afterStories.map((tool) => ({ ...tool, href: `${pageHref(locale, 'stories', tool.step)}#tool-${tool.id}` })),
    },
  ];
}

function modulesWithPages(pageLocale: string, modules: Module[]): PlanModule[] {
  return modules.map((module) => ({
    slug: module.slug,
    title: module.overview.data.title,
    ...languageOf(pageLocale, module.locale),
    tools: module.tools.map((tool) => {
      const page = tool.step === 'index' ? pageHref(module.locale, 'modules', module.slug) : pageHref(module.locale, 'modules', module.slug, tool.step);
      return { ...tool, href: `${page}#tool-${tool.id}` };
    }),
  }));
}
