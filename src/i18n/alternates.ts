/**
 * The same page in the site's other languages, for the language switcher: the page itself where it
 * is translated, or else the nearest page above it that is (a story's list, the home page).
 */
import { site } from 'virtual:waymark/config';
import { allModules } from '../collections/modules';
import { allStories } from '../collections/stories';
import { chimeThemes } from '../contract/module-schema';
import { locales, pageHref } from './index';

/** Pages every language has, by their path after the language (some only with their feature on). */
const { together, qrTransfer, stories } = site.features;
const everyLanguage = ['', 'help', 'privacy', 'my-plan', 'search'].concat(
  together ? ['together', 'end-session'] : [],
  qrTransfer ? ['bring-back'] : [],
  stories ? ['stories'] : [],
);

let pages: Promise<Map<string, Set<string>>> | undefined;

/** Every page's path (after the language part), per language. */
function pagesByLocale(): Promise<Map<string, Set<string>>> {
  pages ??= (async () => {
    const [modules, stories] = await Promise.all([allModules(), allStories()]);
    return new Map(
      locales.map((locale) => {
        const paths = new Set(everyLanguage);
        const ours = stories.filter((story) => story.locale === locale);
        for (const module of modules.filter((m) => m.locale === locale)) {
          paths.add(`modules/${module.slug}`);
          for (const step of module.steps) paths.add(`modules/${module.slug}/${step.slug}`);
          if (ours.some((story) => story.entry.data.modules.includes(module.slug))) paths.add(`stories/module/${module.slug}`);
        }
        for (const story of ours) {
          paths.add(`stories/${story.slug}`);
          if (story.entry.data.kind !== 'text') paths.add(`stories/${story.slug}/text`);
        }
        for (const theme of chimeThemes) if (ours.some((story) => story.entry.data.themes.includes(theme))) paths.add(`stories/theme/${theme}`);
        return [locale, paths];
      }),
    );
  })();
  return pages;
}

export interface Alternate {
  locale: string;
  label: string;
  href: string;
}

/** For a page in `locale` at `url`: where to go for each of the other languages. */
export async function alternates(url: URL, locale: string): Promise<Alternate[]> {
  const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
  const segments = url.pathname.slice(url.pathname.startsWith(base) ? base.length : 1).split('/').filter(Boolean);
  if (locale !== site.defaultLocale && segments[0] === locale) segments.shift();
  const byLocale = await pagesByLocale();
  return locales
    .filter((other) => other !== locale)
    .map((other) => {
      const paths = byLocale.get(other)!;
      let kept = segments.length;
      while (kept > 0 && !paths.has(segments.slice(0, kept).join('/'))) kept--;
      return { locale: other, label: site.locales[other]!.label, href: pageHref(other, ...segments.slice(0, kept)) };
    });
}
