/**
 * Being found and shared: with `site:` in site.yaml, a sitemap (each address with its translations)
 * and the default link-preview picture; always a robots.txt, with the sitemap's address when there
 * is one. A site's own public/robots.txt is kept as it is.
 */
import sitemap from '@astrojs/sitemap';
import type { AstroIntegration } from 'astro';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import type { SiteConfig } from '../contract/site-schema.ts';
import { matchPath, type RouteName } from '../routes/index.ts';
import { defaultShareImage, shareImageSvg } from './share-image.ts';

/** Pages with nothing for a search engine: a form with no results, a person's own things, a session's end. */
const unlisted: readonly RouteName[] = ['search', 'my-plan', 'end-session', 'bring-back'];

/** The sitemap of `site`'s pages, less the unlisted ones; each address lists its translations. */
export function siteMap(site: SiteConfig, base: string): AstroIntegration {
  const origin = `${site.site}${base}`;
  return sitemap({
    i18n: {
      defaultLocale: site.defaultLocale,
      locales: Object.fromEntries(Object.keys(site.locales).map((locale) => [locale, locale])),
    },
    filter: (page) => {
      const segments = page.slice(origin.length).split('/').filter(Boolean);
      if (segments[0] !== site.defaultLocale && segments[0] && segments[0] in site.locales) segments.shift();
      const route = matchPath(segments.join('/'));
      return route !== undefined && !unlisted.includes(route.name);
    },
  });
}

export function robotsTxt(site: SiteConfig, base: string): string {
  const sitemapLine = site.site ? `Sitemap: ${site.site}${base}sitemap-index.xml\n` : '';
  return `User-agent: *\nAllow: /\n${sitemapLine}`;
}

/** After the build: robots.txt (unless the site has its own) and the default share picture (when one is shown). */
export function foundAndShared(options: { site: () => SiteConfig; base: string }): AstroIntegration {
  return {
    name: 'waymark:found-and-shared',
    hooks: {
      'astro:build:done': async ({ dir }) => {
        const site = options.site();
        const outDir = fileURLToPath(dir);
        const robots = join(outDir, 'robots.txt');
        if (!existsSync(robots)) writeFileSync(robots, robotsTxt(site, options.base));
        if (site.site && !site.shareImage) {
          const target = join(outDir, defaultShareImage.file);
          mkdirSync(dirname(target), { recursive: true });
          await sharp(Buffer.from(shareImageSvg(site.brandColour)))
            .png()
            .toFile(target);
        }
      },
    },
  };
}
