/**
 * Where the content lives and where the build goes. Environment variables let tests and the
 * bench build other content (a fixture fork, 1,000 generated pages) with no code edits.
 */
import { resolve } from 'node:path';

/** The content folder: `content/`, or `WAYMARK_CONTENT`. */
export const contentDir = resolve(process.env.WAYMARK_CONTENT ?? 'content');

/** The output folder: `dist/`, or `WAYMARK_OUT`. */
export const outDir = resolve(process.env.WAYMARK_OUT ?? 'dist');

/** The path the site is served under: `/`, or `WAYMARK_BASE` (e.g. `/waymark/` for GitHub Pages). */
export const basePath = normaliseBase(process.env.WAYMARK_BASE ?? '/');

function normaliseBase(base: string): string {
  const trimmed = base.trim().replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}
