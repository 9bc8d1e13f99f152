/**
 * Every page Waymark builds, in one table. `waymark()` injects a route for each (its page is the
 * `.astro` file of the same name beside this one); each page's `getStaticPaths`, the language
 * switcher and the link checker all read this table, so a page is added here and nowhere else.
 * No Astro or browser imports: `npm run check` reads it in Node.
 */
import { chimeThemes } from '../contract/module-schema.ts';
import type { Features } from '../contract/site-schema.ts';

/** What the content holds, as far as addresses go: read from the collections, or from files. */
export interface SiteContent {
  modules: readonly { locale: string; slug: string; steps: readonly string[] }[];
  stories: readonly { locale: string; slug: string; kind: string; themes: readonly string[]; modules: readonly string[] }[];
}

export type Params = Record<string, string>;

export interface Route {
  /** The address after the language part, with `[params]`: `modules/[module]/[step]`; '' is the home page. */
  path: string;
  /** Built only while this feature is on in site.yaml. */
  feature?: keyof Features;
  /** The params of each page of the route in a language; without it, the route is one page per language. */
  params?: (content: SiteContent, locale: string) => Params[];
  /** The file in content/ a page's words come from, for messages that point a writer at it. */
  source?: (params: Params, locale: string) => string;
}

const modulesIn = (content: SiteContent, locale: string) => content.modules.filter((module) => module.locale === locale);
const storiesIn = (content: SiteContent, locale: string) => content.stories.filter((story) => story.locale === locale);
const contentPage = (name: string) => (_: Params, locale: string) => `pages/${locale}/${name}.mdx`;
const storyFile = ({ story }: Params, locale: string) => `stories/${locale}/${story}.mdx`;

export const routes = {
  home: { path: '', source: contentPage('home') },
  help: { path: 'help', source: contentPage('help') },
  privacy: { path: 'privacy', source: contentPage('privacy') },
  'my-plan': { path: 'my-plan' },
  search: { path: 'search' },
  together: { path: 'together', feature: 'together', source: contentPage('together') },
  today: { path: 'today', feature: 'together' },
  'end-session': { path: 'end-session', feature: 'together' },
  'bring-back': { path: 'bring-back', feature: 'qrTransfer' },
  module: {
    path: 'modules/[module]',
    params: (content, locale) => modulesIn(content, locale).map((module) => ({ module: module.slug })),
    source: ({ module }, locale) => `modules/${locale}/${module}/index.mdx`,
  },
  step: {
    path: 'modules/[module]/[step]',
    params: (content, locale) => modulesIn(content, locale).flatMap((module) => module.steps.map((step) => ({ module: module.slug, step }))),
    source: ({ module, step }, locale) => `modules/${locale}/${module}/${step}.mdx`,
  },
  stories: { path: 'stories', feature: 'stories' },
  story: {
    path: 'stories/[story]',
    feature: 'stories',
    params: (content, locale) => storiesIn(content, locale).map((story) => ({ story: story.slug })),
    source: storyFile,
  },
  'story-text': {
    path: 'stories/[story]/text',
    feature: 'stories',
    params: (content, locale) =>
      storiesIn(content, locale)
        .filter((story) => story.kind !== 'text')
        .map((story) => ({ story: story.slug })),
    source: storyFile,
  },
  'stories-by-theme': {
    path: 'stories/theme/[theme]',
    feature: 'stories',
    params: (content, locale) =>
      chimeThemes.filter((theme) => storiesIn(content, locale).some((story) => story.themes.includes(theme))).map((theme) => ({ theme })),
  },
  'stories-by-module': {
    path: 'stories/module/[module]',
    feature: 'stories',
    params: (content, locale) =>
      modulesIn(content, locale)
        .filter((module) => storiesIn(content, locale).some((story) => story.modules.includes(module.slug)))
        .map((module) => ({ module: module.slug })),
  },
} satisfies Record<string, Route>;

export type RouteName = keyof typeof routes;

/** The page shown for an address that is not on the site: one, in the default language. */
export const notFoundPage = 'not-found';

/** The routes a site builds: those whose feature is on. */
export function activeRoutes(features: Features): [RouteName, Route][] {
  return (Object.entries(routes) as [RouteName, Route][]).filter(([, route]) => !route.feature || features[route.feature]);
}

/** `modules/[module]/[step]` with `{ module: 'hope', step: 'noticing' }` is `modules/hope/noticing`. */
export function fillPath(path: string, params: Params): string {
  return path.replace(/\[(\w+)\]/g, (_, name: string) => params[name] ?? '');
}

/** The params of every page of `route` in `locale`. */
export function paramsOf(route: Route, content: SiteContent, locale: string): Params[] {
  return route.params ? route.params(content, locale) : [{}];
}

/** Every page's address after the language part, in `locale`. */
export function pathsIn(features: Features, content: SiteContent, locale: string): Set<string> {
  return new Set(activeRoutes(features).flatMap(([, route]) => paramsOf(route, content, locale).map((params) => fillPath(route.path, params))));
}

/** The route and params of an address after the language part (`modules/hope/noticing`), if any. */
export function matchPath(path: string): { name: RouteName; route: Route; params: Params } | undefined {
  const parts = path.split('/').filter(Boolean);
  for (const [name, route] of Object.entries(routes) as [RouteName, Route][]) {
    const pattern = route.path.split('/').filter(Boolean);
    if (pattern.length !== parts.length) continue;
    const params: Params = {};
    const fits = pattern.every((part, i) => {
      const param = /^\[(\w+)\]$/.exec(part)?.[1];
      if (param) params[param] = parts[i]!;
      return param !== undefined || part === parts[i];
    });
    if (fits) return { name, route, params };
  }
  return undefined;
}
