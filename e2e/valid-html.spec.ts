/**
 * Every built page is valid HTML: the W3C Nu Html Checker (vnu-jar, run with the machine's Java)
 * finds no error in the root build, and in the sub-path and installed-site builds when their tests
 * run too. One Java run for all the folders, so it takes seconds, not a minute a page. Also: the
 * default build has no `site:`, so it says nothing a search engine or a preview could get wrong.
 */
import { expect, test } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtHtml, builtPages } from './built-site';
import { packedSite } from './packed-site-dir';

const vnuJar = String(createRequire(import.meta.url)('vnu-jar'));
const checkout = fileURLToPath(new URL('../', import.meta.url));
// The same choice as playwright.config.ts: the builds whose tests run (all three unless narrowed).
const wanted = process.env.WAYMARK_TEST_SERVERS?.split(',');
const builds = [
  ['root', 'dist'],
  ['subpath', 'dist-subpath'],
  ['fork', join(packedSite, 'dist')],
]
  .filter(([name]) => !wanted || wanted.includes(name!))
  .map(([, dir]) => dir!);

interface VnuMessage {
  type: string;
  subType?: string;
  url?: string;
  lastLine?: number;
  message: string;
}

test('every built page is valid HTML (W3C Nu Html Checker)', async () => {
  for (const dir of builds) expect(existsSync(dir), `${dir} is built (npm run build, build:subpath, build:sites)`).toBe(true);
  // About 20 s for 400 pages on an idle machine; Java waits its turn on a busy one.
  test.setTimeout(240_000);
  const run = spawnSync('java', ['-jar', vnuJar, '--errors-only', '--skip-non-html', '--format', 'json', '--exit-zero-always', ...builds], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  expect(run.error, 'Java runs (CI installs default-jre-headless when it is missing)').toBeUndefined();
  const { messages } = JSON.parse(run.stderr) as { messages: VnuMessage[] };
  const errors = messages
    .filter((message) => message.type === 'error' || message.subType === 'fatal')
    .map((message) => `${relative(checkout, fileURLToPath(message.url ?? 'file:///'))}:${message.lastLine ?? '?'}: ${message.message}`);
  expect(errors, errors.join('\n')).toEqual([]);
});

test('without site: in site.yaml, no canonical, absolute preview addresses or sitemap, and robots.txt allows all', () => {
  for (const path of builtPages('dist')) {
    const html = builtHtml('dist', path);
    expect(html, path).not.toMatch(/rel="canonical"|hreflang="x-default"|property="og:(url|image)"/);
    expect(html, path).toContain('property="og:title"');
  }
  expect(existsSync('dist/sitemap-index.xml')).toBe(false);
  expect(readFileSync('dist/robots.txt', 'utf8')).toBe('User-agent: *\nAllow: /\n');
});
