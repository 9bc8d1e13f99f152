/**
 * The files every page links to that come from the engine, not from a site's `public/`: the
 * pre-paint script (`prefs.js`, with only the switched-on features in it) and, unless the site has
 * an icon of its own, the icon (the waymark arrow on the site's colour). Served by the dev server; written into the build first,
 * so the offline copy keeps them.
 */
import type { AstroIntegration } from 'astro';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { frameGuardScript } from '../client/frame-guard.ts';
import { prefsScript } from '../client/prefs.ts';
import type { SiteConfig } from '../contract/site-schema.ts';
import { iconSvg } from './icon.ts';

/** Each file by its path under the base, with its type and contents. */
function engineFiles(site: SiteConfig): Map<string, { type: string; body: string }> {
  const files = new Map([['prefs.js', { type: 'text/javascript', body: prefsScript(site.features) + frameGuardScript }]]);
  // A site with an icon of its own (site.yaml's `icon`) needs none from the engine.
  if (!site.icon) files.set('icons/icon.svg', { type: 'image/svg+xml', body: iconSvg(site.brandColour) });
  return files;
}

/** In `npm run dev`: answers for the engine's files. */
export function engineAssets(site: () => SiteConfig, base: string): Plugin {
  return {
    name: 'waymark:engine-assets',
    configureServer(server) {
      server.middlewares.use((request, response, next) => {
        const path = request.url?.split('?')[0] ?? '';
        const file = path.startsWith(base) ? engineFiles(site()).get(path.slice(base.length)) : undefined;
        if (!file) return next();
        response.setHeader('Content-Type', file.type);
        response.end(file.body);
      });
    },
  };
}

/** After `astro build`: writes the engine's files into the output. */
export function writeEngineAssets(options: { site: () => SiteConfig }): AstroIntegration {
  return {
    name: 'waymark:engine-assets',
    hooks: {
      'astro:build:done': ({ dir }) => {
        for (const [path, file] of engineFiles(options.site())) {
          const target = join(fileURLToPath(dir), path);
          mkdirSync(dirname(target), { recursive: true });
          writeFileSync(target, file.body);
        }
      },
    },
  };
}
