/**
 * Where the engine is, and where a site's content is. The content folder is `content/` next to
 * `astro.config.mjs`, or `waymark({ content })`; `WAYMARK_CONTENT` overrides both, so tests and the
 * bench build other content (a fixture site, 1,000 generated pages) with no code edits.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The engine's `src/` folder, wherever the package is installed. */
export const engineSrc = new URL('../', import.meta.url);

/** The engine's page for each route: `src/routes/<name>.astro`. */
export const routeEntrypoint = (name: string) => fileURLToPath(new URL(`routes/${name}.astro`, engineSrc));

export function contentDirOf(root: string, option = 'content'): string {
  return resolve(root, process.env.WAYMARK_CONTENT ?? option);
}

/** For tools that build other content without editing any file: `WAYMARK_OUT`, `WAYMARK_BASE`. */
export const outDirOverride = process.env.WAYMARK_OUT ? resolve(process.env.WAYMARK_OUT) : undefined;
export const baseOverride = process.env.WAYMARK_BASE ? normaliseBase(process.env.WAYMARK_BASE) : undefined;

/** The Node commands (`npm run check`, `npm run new`) run in the site's folder. */
export const contentDir = contentDirOf(process.cwd());
export const basePath = baseOverride ?? '/';

export function normaliseBase(base: string): string {
  const trimmed = base.trim().replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}
