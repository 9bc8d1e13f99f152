/**
 * Writes `_headers` (read by Netlify and Cloudflare Pages) after the build: the same policy as
 * every page's <meta> tag, with the hashes of every page together, plus what only a header can
 * say (frame-ancestors, HSTS, ...). Browsers apply both, so each page still gets only its own.
 */
import type { AstroIntegration } from 'astro';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { filesIn } from './built-files';
import { tagsIn, withoutScripts } from './built-html';
import { headerOnlyDirectives, securityHeaders } from './policy';

/** The content of every page's CSP <meta> tag. */
export function metaPolicies(outDir: string): Map<string, string> {
  const policies = new Map<string, string>();
  for (const path of filesIn(outDir, ['.html'])) {
    const meta = tagsIn(withoutScripts(readFileSync(path, 'utf8'))).find(
      ({ name, attributes }) => name === 'meta' && attributes['http-equiv']?.toLowerCase() === 'content-security-policy',
    );
    if (meta?.attributes.content !== undefined) policies.set(path, meta.attributes.content);
  }
  return policies;
}

/** Directive name -> sources, in the order they first appear. */
export function parsePolicy(policy: string): Map<string, string[]> {
  const parsed = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) parsed.set(name, sources);
  }
  return parsed;
}

/** One policy holding every page's sources and hashes, plus the header-only directives. */
export function unionPolicy(policies: Iterable<string>): string {
  const union = new Map<string, Set<string>>();
  for (const policy of policies) {
    for (const [name, sources] of parsePolicy(policy)) {
      const set = union.get(name) ?? new Set<string>();
      for (const source of sources) set.add(source);
      union.set(name, set);
    }
  }
  const parts = [...union].map(([name, sources]) => [name, ...sources].join(' '));
  return [...parts, ...headerOnlyDirectives].join('; ');
}

export function headersFile(base: string, policy: string): string {
  const all = [`${base}*`, ...Object.entries({ 'Content-Security-Policy': policy, ...securityHeaders }).map(([k, v]) => `  ${k}: ${v}`)];
  return [
    '# Written by the build (src/integration/security-headers.ts): edit src/integration/policy.ts instead.',
    ...all,
    '',
    // Astro's file names change whenever their content does, so they can be kept for a year.
    `${base}_astro/*`,
    '  Cache-Control: public, max-age=31536000, immutable',
    '',
    // The service worker must always be checked, or a new version would never be found.
    `${base}sw.js`,
    '  Cache-Control: no-cache',
    '',
  ].join('\n');
}

/** `base` ends in `/`. */
export function securityHeadersIntegration(base: string): AstroIntegration {
  return {
    name: 'waymark:security-headers',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const policies = metaPolicies(outDir);
        if (policies.size === 0)
          throw new Error('No page has a Content-Security-Policy <meta> tag: is security.csp set by waymark() in src/integration/index.ts?');
        writeFileSync(join(outDir, '_headers'), headersFile(base, unionPolicy(policies.values())));
        logger.info(`_headers written (Content-Security-Policy from ${policies.size} pages)`);
      },
    },
  };
}
