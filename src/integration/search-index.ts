/**
 * Builds the Pagefind search index from the finished pages, after `astro build`: one index per
 * language (Pagefind reads each page's `<html lang>`), holding only what is inside
 * `data-pagefind-body` minus anything marked `data-pagefind-ignore` (the header, footer, worker
 * notes and navigation, and each page's sources: `sources-unindexed.ts`). It must run before
 * `offline()`, so that the index is kept for offline use.
 */
import type { AstroIntegration } from 'astro';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createIndex, close } from 'pagefind';
import { filesIn } from './built-files';
import { sourcesUnindexed } from './sources-unindexed';

export function searchIndex(): AstroIntegration {
  return {
    name: 'waymark:search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const started = performance.now();
        for (const file of filesIn(site, ['.html'])) {
          const html = readFileSync(file, 'utf8');
          const marked = sourcesUnindexed(html);
          if (marked !== html) writeFileSync(file, marked);
        }
        const { index, errors } = await createIndex({});
        if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
        const added = await index.addDirectory({ path: site });
        if (added.errors.length) throw new Error(`Pagefind could not read the pages: ${added.errors.join('; ')}`);
        const written = await index.writeFiles({ outputPath: `${site}pagefind` });
        if (written.errors.length) throw new Error(`Pagefind could not write the index: ${written.errors.join('; ')}`);
        await close();
        // Waymark searches through Pagefind's JS API (src/client/search.ts): its ready-made search
        // interfaces are never loaded, so they are not shipped (nor kept for offline, 370 kB).
        for (const unused of readdirSync(`${site}pagefind`).filter((name) => /^pagefind-(.*ui|highlight)\.(js|css)$/.test(name))) {
          rmSync(`${site}pagefind/${unused}`);
        }
        logger.info(`${added.page_count} pages indexed for search in ${Math.round(performance.now() - started)} ms`);
      },
    },
  };
}
