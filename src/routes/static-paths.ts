/** `getStaticPaths` for every page, from the route table: one page per language and per params. */
import { siteContent } from '../collections/site-content';
import { langParam, locales } from '../i18n';
import { paramsOf, type RouteName, routes } from './index';

/** `lang` is undefined for the default language, which lives at the site's root. */
type PageParams = Record<string, string | undefined>;

export function staticPaths(name: RouteName) {
  return async (): Promise<{ params: PageParams }[]> => {
    const content = await siteContent();
    return locales.flatMap((locale) => paramsOf(routes[name], content, locale).map((params) => ({ params: { lang: langParam(locale), ...params } })));
  };
}
