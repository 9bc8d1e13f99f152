/**
 * Astro writes its islands' one style rule as a <style> in the body, just before the first island,
 * and a <style> there is not valid HTML (the W3C checker: "must be the first child of its parent").
 * After the build this moves it, unchanged, into the <head>: the Content-Security-Policy already
 * allows it by its hash, and the rule applies the same from there.
 */
import type { AstroIntegration } from 'astro';
import { ISLAND_STYLES } from 'astro/runtime/server/astro-island-styles.js';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { filesIn } from './built-files.ts';

const islandStyle = `<style>${ISLAND_STYLES}</style>`;

/** `html` with Astro's island style in its head instead of its body (unchanged if it has none). */
export function islandStyleInHead(html: string): string {
  const head = html.indexOf('</head>');
  const at = html.indexOf(islandStyle, head);
  if (head < 0 || at < 0) return html;
  const body = html.slice(head, at) + html.slice(at + islandStyle.length).replaceAll(islandStyle, '');
  return `${html.slice(0, head)}${islandStyle}${body}`;
}

export function islandStyles(): AstroIntegration {
  return {
    name: 'waymark:island-styles',
    hooks: {
      'astro:build:done': ({ dir }) => {
        for (const file of filesIn(fileURLToPath(dir), ['.html'])) {
          const html = readFileSync(file, 'utf8');
          const fixed = islandStyleInHead(html);
          if (fixed !== html) writeFileSync(file, fixed);
        }
      },
    },
  };
}
