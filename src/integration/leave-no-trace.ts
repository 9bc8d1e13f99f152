/**
 * A feature switched off in site.yaml leaves no trace in the build. Pages and islands already leave
 * it out (the switches are build-time constants, so its code is dropped from every bundle); this
 * step, after `astro build`, takes out what is left: script files in `_astro/` that no page can
 * reach (Astro bundles every island a component names, even one never rendered because its
 * feature is off).
 * It runs before the search index and the offline copy, so neither keeps anything it removes.
 */
import type { AstroIntegration } from 'astro';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { filesIn } from './built-files';

export function leaveNoTrace(): AstroIntegration {
  return {
    name: 'waymark:leave-no-trace',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const removed = removeUnreachableScripts(site);
        if (removed.length) logger.info(`${removed.length} script file(s) no page uses were left out: ${removed.join(', ')}`);
      },
    },
  };
}

/**
 * Removes `_astro/*.js` files that no page reaches: a script is reachable when a page names it, or
 * a reachable script names it (imports, dynamic imports and preload lists all name files).
 */
function removeUnreachableScripts(site: string): string[] {
  const scriptsDir = join(site, '_astro');
  if (!existsSync(scriptsDir)) return [];
  const scripts = new Map(filesIn(scriptsDir, ['.js', '.mjs']).map((file) => [basename(file), file]));
  const namedIn = (text: string) => [...scripts.keys()].filter((name) => text.includes(name));
  const reached = new Set<string>();
  const queue = filesIn(site, ['.html', '.webmanifest']).flatMap((page) => namedIn(readFileSync(page, 'utf8')));
  while (queue.length) {
    const name = queue.pop()!;
    if (reached.has(name)) continue;
    reached.add(name);
    queue.push(...namedIn(readFileSync(scripts.get(name)!, 'utf8')));
  }
  const unreachable = [...scripts.keys()].filter((name) => !reached.has(name));
  for (const name of unreachable) rmSync(scripts.get(name)!);
  return unreachable;
}
