/**
 * The same page in the site's other languages, for the language switcher: the page itself where it
 * is translated, or else the nearest page above it that is (a story's list, the home page); and, for
 * search engines, only the translations that exist.
 */
import { site } from 'virtual:waymark/config';
import { siteContent } from '../collections/site-content';
import { pathsIn } from '../routes/index';
import { locales, pageHref } from './index';

let pages: Promise<Map<string, Set<string>>> | undefined;

/** Every page's path (after the language part), per language, from the route table. */
function pagesByLocale(): Promise<Map<string, Set<string>>> {
  pages ??= siteContent().then((content) => new Map(locales.map((locale) => [locale, pathsIn(site.features, content, locale)])));
  return pages;
}

export interface Alternate {
  locale: string;
  label: string;
  href: string;
}

/** The page's address after the base and the language part, as segments. */
function segmentsOf(url: URL, locale: string): string[] {
  const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
  const segments = url.pathname
    .slice(url.pathname.startsWith(base) ? base.length : 1)
    .split('/')
    .filter(Boolean);
  if (locale !== site.defaultLocale && segments[0] === locale) segments.shift();
  return segments;
}

/** For a page in `locale` at `url`: where to go for each of the other languages. */
export async function alternates(url: URL, locale: string): Promise<Alternate[]> {
  const segments = segmentsOf(url, locale);
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

/**
 * For search engines: the page at `url` in every language it is really translated into, itself
 * included (no nearest page above, unlike the switcher). Empty for an address that is no page of
 * the route table, such as the not-found page.
 */
export async function translations(url: URL, locale: string): Promise<{ locale: string; href: string }[]> {
  const path = segmentsOf(url, locale).join('/');
  const byLocale = await pagesByLocale();
  if (!byLocale.get(locale)?.has(path)) return [];
  return locales
    .filter((other) => byLocale.get(other)!.has(path))
    .map((other) => ({ locale: other, href: pageHref(other, ...path.split('/').filter(Boolean)) }));
}
