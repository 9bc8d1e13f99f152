/**
 * The route table (src/routes/index.ts): the one list of pages that waymark() injects, each page's
 * getStaticPaths reads, the language switcher follows and the link checker maps back to content.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FeaturesSchema } from '../src/contract/features';
import { activeRoutes, fillPath, matchPath, notFoundPage, pathsIn, routes, type SiteContent } from '../src/routes/index';

const allOn = FeaturesSchema.parse({});
const content: SiteContent = {
  modules: [
    { locale: 'en', slug: 'hope', steps: ['noticing', 'small-signs'] },
    { locale: 'fr', slug: 'hope', steps: ['noticing'] },
  ],
  stories: [
    { locale: 'en', slug: 'the-walk', kind: 'video', themes: ['hope'], modules: ['hope'] },
    { locale: 'en', slug: 'the-note', kind: 'text', themes: ['identity'], modules: [] },
  ],
};

describe('the route table', () => {
  it('has a page file for every route, and a route for every page file', () => {
    const pages = readdirSync('src/routes')
      .filter((file) => file.endsWith('.astro'))
      .map((file) => file.replace(/\.astro$/, ''));
    expect(pages.sort()).toEqual([...Object.keys(routes), notFoundPage].sort());
  });

  it('lists every page of a language from the content, and only its own', () => {
    const en = pathsIn(allOn, content, 'en');
    for (const path of [
      '',
      'help',
      'modules/hope',
      'modules/hope/small-signs',
      'stories/the-walk',
      'stories/the-walk/text',
      'stories/theme/hope',
      'stories/module/hope',
      'end-session',
    ]) {
      expect(en.has(path), path).toBe(true);
    }
    // A text story has no text version; a theme or module with no story has no list.
    for (const path of ['stories/the-note/text', 'stories/theme/meaning', 'stories/module/other']) expect(en.has(path), path).toBe(false);
    const fr = pathsIn(allOn, content, 'fr');
    expect(fr.has('modules/hope/noticing')).toBe(true);
    expect(fr.has('modules/hope/small-signs')).toBe(false);
    expect([...fr].some((path) => path.startsWith('stories/the-walk'))).toBe(false);
  });

  it('leaves out the pages of a switched-off feature', () => {
    const off = pathsIn({ ...allOn, stories: false, together: false, qrTransfer: false }, content, 'en');
    expect([...off].filter((path) => /^(stories|together|end-session|bring-back)/.test(path))).toEqual([]);
    expect(activeRoutes({ ...allOn, qrTransfer: false }).map(([name]) => name)).not.toContain('bring-back');
  });

  it('maps an address back to its route and the content file it is written in', () => {
    const step = matchPath('modules/hope/noticing')!;
    expect(step.name).toBe('step');
    expect(step.route.source?.(step.params, 'fr')).toBe('modules/fr/hope/noticing.mdx');
    expect(matchPath('stories/the-walk/text')!.route.source?.({ story: 'the-walk' }, 'en')).toBe('stories/en/the-walk.mdx');
    expect(matchPath('')!.name).toBe('home');
    expect(matchPath('my-plan')!.route.source).toBeUndefined();
    expect(matchPath('modules/hope/noticing/extra')).toBeUndefined();
    expect(fillPath(routes.step.path, { module: 'hope', step: 'noticing' })).toBe('modules/hope/noticing');
  });
});
