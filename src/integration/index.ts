/**
 * `waymark()`: the whole engine as one Astro integration, the package's main export. A site's
 * `astro.config.mjs` is `integrations: [waymark()]`; this checks `content/` once, sets what the
 * engine needs of Astro (directory pages, the Content-Security-Policy, no prefetch or toolbar),
 * injects every page from the route table, and orders the build steps after it.
 */
import mdx from '@astrojs/mdx';
import react from '@astrojs/react';
import type { AstroIntegration } from 'astro';
import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ContentReport } from '../contract/load.ts';
import { activeRoutes, notFoundPage } from '../routes/index.ts';
import { basePathLinks } from './base-path-links.ts';
import { passGate, quietLoaderWhile, recheckWhileWriting, virtualModules } from './content-gate.ts';
import { engineAssets, writeEngineAssets } from './engine-assets.ts';
import { islandStyles } from './island-styles.ts';
import { leaveNoTrace } from './leave-no-trace.ts';
import { offline } from './offline.ts';
import { baseOverride, contentDirOf, engineSrc, outDirOverride, routeEntrypoint } from './paths.ts';
import { directives, scriptSources, styleSources } from './policy.ts';
import { searchIndex } from './search-index.ts';
import { securityHeadersIntegration } from './security-headers.ts';
import { foundAndShared, siteMap } from './seo.ts';
import { strictLinks } from './strict.ts';

export interface WaymarkOptions {
  /** The content folder, relative to the project: `content` unless set. */
  content?: string;
}

export default function waymark(options: WaymarkOptions = {}): AstroIntegration {
  let report: ContentReport;
  return {
    name: 'waymark',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig, injectRoute, logger }) => {
        const root = fileURLToPath(config.root);
        const contentDir = contentDirOf(root, options.content);
        const publicDir = fileURLToPath(config.publicDir);
        report = passGate(contentDir, root, publicDir, logger);
        const base = baseOverride ?? (config.base.endsWith('/') ? config.base : `${config.base}/`);
        const outDir = outDirOverride ? pathToFileURL(`${outDirOverride}/`) : config.outDir;

        const writing = recheckWhileWriting(contentDir, root, publicDir, logger, (checked) => (report = checked));
        if (command === 'dev') quietLoaderWhile(writing.showing, logger);

        for (const [name, route] of activeRoutes(report.site.features)) {
          injectRoute({ pattern: `/[...lang]${route.path ? `/${route.path}` : ''}`, entrypoint: routeEntrypoint(name) });
        }
        injectRoute({ pattern: '/404', entrypoint: routeEntrypoint(notFoundPage) });

        updateConfig({
          base,
          outDir,
          // site.yaml's address of the site, for Astro.site: canonical links, the sitemap, link previews.
          ...(report.site.site ? { site: report.site.site } : {}),
          // A site that is only content uses the engine's content collections (src/content.config.ts).
          ...(hasContentConfig(config.srcDir) ? {} : { srcDir: engineSrc }),
          // Each output folder keeps its own cache, so a fixture build never reuses another's pages.
          cacheDir: new URL(`node_modules/.astro/${basename(fileURLToPath(outDir))}/`, config.root),
          trailingSlash: 'always',
          build: { format: 'directory' },
          // No prefetching, no dev toolbar: nothing a person does is sent anywhere, even by tools.
          prefetch: false,
          devToolbar: { enabled: false },
          // Shiki colours code with inline styles, which the Content-Security-Policy refuses.
          markdown: { syntaxHighlight: false },
          // A strict policy in every page's <meta>: Astro hashes its own inline scripts and styles.
          security: {
            csp: {
              algorithm: 'SHA-256',
              directives: [...directives],
              scriptDirective: { resources: [...scriptSources] },
              styleDirective: { resources: [...styleSources] },
            },
          },
          // After the build, in this order: the engine's own files, links under the base path, islands' style in the head,
          // _headers, what a switched-off feature left, the search index, what search engines and link previews read, the
          // offline copy of everything the others wrote, then every link of what is published.
          integrations: [
            mdx(),
            react(),
            writeEngineAssets({ site: () => report.site }),
            basePathLinks(base),
            islandStyles(),
            securityHeadersIntegration(base),
            leaveNoTrace(),
            searchIndex(),
            // robots.txt, the share picture and the sitemap: before the offline copy, which leaves them out.
            foundAndShared({ site: () => report.site, base }),
            ...(report.site.site ? [siteMap(report.site, base)] : []),
            offline({ site: () => report.site, base }),
            strictLinks({ site: () => report.site, contentDir, root, base }),
          ],
          vite: {
            plugins: [virtualModules(contentDir, () => report, writing.recheck), engineAssets(() => report.site, base)],
            build: {
              rolldownOptions: {
                onwarn(warning: { code?: string }, warn: (warning: { code?: string }) => void) {
                  // Harmless and printed once per MDX file (withastro/astro#18087).
                  if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
                  warn(warning);
                },
                output: { codeSplitting: { groups: [pageScriptGroup] } },
              },
            },
          },
        });
      },
    },
  };
}

/**
 * Every page's plain script (the header's controls, progress marks, the offline worker's
 * registration) and the few device modules it shares with the tools, in one file: a page without
 * a tool makes one request for its code, not one per shared module. Tool pages load it too.
 */
const pageScriptGroup = {
  name: 'page',
  test: /\/src\/(layouts\/Page\.astro\?astro&type=script|client\/(page|session-controls|site-menu|display-controls|listen|sw-register|progress-marks|guest-start)\.ts|device\/(keys|progress|guest-flag)\.ts)/,
};

function hasContentConfig(srcDir: URL): boolean {
  return ['ts', 'mts', 'js', 'mjs'].some((ext) => existsSync(new URL(`content.config.${ext}`, srcDir)));
}
