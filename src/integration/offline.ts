/**
 * After the build: the web app manifest and its icons (the site's own, or in its colour), then a service
 * worker (workbox-build) that keeps every page, style, script, icon and the search index on the
 * device after one visit, so the site works with no signal. Recordings are not pre-loaded (people
 * pay for data): the page keeps them when played or saved for offline (the owner's and a guest's media
 * caches, see src/client/media-cache.ts), and the worker answers from either.
 * Runs last, after anything else that writes into the build (such as a search index).
 */
import type { AstroIntegration } from 'astro';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp, { type Sharp } from 'sharp';
import { generateSW } from 'workbox-build';
import type { SiteConfig } from '../contract/site-schema';
import { mediaCacheName } from '../device/keys';
import { iconSvg } from './icon';
import { defaultShareImage } from './share-image';
/** Recordings and their pictures and captions: kept only when played or saved, never pre-loaded. */
const mediaFiles = 'media/**/*';

/**
 * A square PNG of the site's icon: its own picture (`icon` in site.yaml, already copied into the
 * build from public/), or the arrow on its colour. `inset` leaves room for the masks some phones cut
 * icons with, filled with the site's colour.
 */
async function iconPng(outDir: string, site: SiteConfig, size: number, inset: number): Promise<Sharp> {
  if (!site.icon) return sharp(Buffer.from(iconSvg(site.brandColour, inset)), { density: (72 * size) / 64 }).resize(size, size);
  const padding = Math.round(size * inset);
  const transparent = { r: 0, g: 0, b: 0, alpha: 0 };
  const picture = await sharp(join(outDir, site.icon), { density: 300 })
    .resize(size - 2 * padding, size - 2 * padding, { fit: 'contain', background: transparent })
    .png()
    .toBuffer();
  return sharp({ create: { width: size, height: size, channels: 4, background: inset ? site.brandColour : transparent } }).composite([
    { input: picture, left: padding, top: padding },
  ]);
}

export async function writeManifest(outDir: string, base: string, site: SiteConfig): Promise<void> {
  mkdirSync(join(outDir, 'icons'), { recursive: true });
  for (const [file, size, inset] of [
    ['icon-192.png', 192, 0],
    ['icon-512.png', 512, 0],
    ['icon-maskable-512.png', 512, 0.15],
  ] as const) {
    const icon = await iconPng(outDir, site, size, inset);
    await icon.png().toFile(join(outDir, 'icons', file));
  }
  const scalable = site.icon?.endsWith('.png') ? [] : [{ src: `${base}${site.icon ?? 'icons/icon.svg'}`, sizes: 'any', type: 'image/svg+xml' }];
  const manifest = {
    name: site.name,
    short_name: site.shortName ?? site.name,
    description: site.description,
    lang: site.defaultLocale,
    dir: site.locales[site.defaultLocale]?.dir ?? 'ltr',
    start_url: base,
    scope: base,
    id: base,
    display: 'standalone',
    theme_color: site.brandColour,
    background_color: '#ffffff',
    icons: [
      ...scalable,
      { src: `${base}icons/icon-192.png`, sizes: '192x192', type: 'image/png' },
      { src: `${base}icons/icon-512.png`, sizes: '512x512', type: 'image/png' },
      { src: `${base}icons/icon-maskable-512.png`, sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  };
  writeFileSync(join(outDir, 'manifest.webmanifest'), `${JSON.stringify(manifest, null, 2)}\n`);
}

export async function writeServiceWorker(outDir: string, base: string) {
  return generateSW({
    globDirectory: outDir,
    // Pages, styles, scripts, icons, the manifest, and Pagefind's index (pagefind/) when present.
    globPatterns: ['**/*.{html,css,js,mjs,json,svg,png,ico,webp,woff2,webmanifest,wasm,pf_fragment,pf_index,pf_meta,pagefind}'],
    // The link-preview picture is for other sites' previews, never shown on a page.
    globIgnores: [mediaFiles, 'sw.js', 'workbox-*.js', '_headers', defaultShareImage.file],
    // Search index chunks can be large on big sites; pages and scripts are far smaller.
    maximumFileSizeToCacheInBytes: 5 * 1024 * 1024,
    swDest: join(outDir, 'sw.js'),
    modifyURLPrefix: { '': base },
    // `/help/` is served from the precached `/help/index.html`.
    directoryIndex: 'index.html',
    // A new version waits until the person chooses to reload: typed words are never cut off.
    skipWaiting: false,
    // The first visit's page is looked after at once, so it works offline without a reload.
    clientsClaim: true,
    cleanupOutdatedCaches: true,
    inlineWorkboxRuntime: true,
    sourcemap: false,
    mode: 'production',
    // Privacy: no query parameter ever changes what is served.
    ignoreURLParametersMatching: [/.*/],
    runtimeCaching: [
      {
        urlPattern: new RegExp(`${RegExp.escape(base)}media/`),
        handler: 'CacheFirst',
        options: {
          cacheName: mediaCacheName,
          // Before `rangeRequests`, whose plugin cuts the part a player asks for from what these find.
          plugins: [
            {
              // The owner's cache first, then any other (a guest's, `guestMediaCacheName`): media are in no other.
              cachedResponseWillBeUsed: async ({ request, cachedResponse }) => cachedResponse ?? (await caches.match(request)) ?? null,
              // Only the page keeps recordings (src/client/media-cache.ts), in the cache of whoever is
              // using it: the worker cannot tell a guest's tab from the owner's, so it never writes.
              cacheWillUpdate: async () => null,
            },
          ],
          // Players ask for parts of a recording; a kept whole file answers them.
          rangeRequests: true,
        },
      },
    ],
  });
}

/** `base` ends in `/`. */
export function offline(options: { site: () => SiteConfig; base: string }): AstroIntegration {
  const { base } = options;
  return {
    name: 'waymark:offline',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        await writeManifest(outDir, base, options.site());
        const { count, size, warnings } = await writeServiceWorker(outDir, base);
        for (const warning of warnings) logger.warn(warning);
        logger.info(`service worker: ${count} files kept for offline (${Math.round(size / 1024)} kB)`);
      },
    },
  };
}
