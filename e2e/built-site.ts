/** What the build produced, and checks every page of it must pass. */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pageAddress } from '../src/audits/links';
import { filesIn } from '../src/integration/built-files';

/** Every HTML page in a build folder, as paths relative to the site's base (`help/`, `404.html`). */
export function builtPages(distDir: string): string[] {
  return filesIn(distDir, ['.html'])
    .map((file) => pageAddress(relative(distDir, file), ''))
    .sort();
}

/** The HTML of a page in a build folder, by its path as `builtPages` gives it. */
export function builtHtml(distDir: string, path: string): string {
  return readFileSync(join(distDir, path.endsWith('.html') ? path : `${path}index.html`), 'utf8');
}

export const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(wcagTags).analyze();
  const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).join('\n    ')}`);
  expect(summary, `axe found problems on ${page.url()}`).toEqual([]);
}

/** Records every request a page makes and every console error it logs, from before it loads. */
export function watch(page: Page) {
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return { requests, errors };
}

/** Bytes of JavaScript a page loaded: its script files (from `requests`) and inline scripts. */
export async function scriptBytes(page: Page, scriptUrls: string[]): Promise<number> {
  let total = 0;
  for (const url of new Set(scriptUrls)) total += (await (await page.request.get(url)).body()).length;
  for (const inline of await page.locator('script:not([src])').all()) total += ((await inline.textContent()) ?? '').length;
  return total;
}

/**
 * Collects Content-Security-Policy violations in the page itself (the browser's
 * `securitypolicyviolation` event), from before anything loads. Read them with `cspViolations`.
 */
export async function watchCsp(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) => {
      seen.push(`${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber}) ${event.sample}`);
    });
  });
}

/**
 * Down the page as a reader scrolls, a screen at a time, so the tools on the way come into view
 * and load; then until the network is quiet. Instant steps paced by timers: the page's smooth
 * scrolling takes 0.7 s a jump, and a busy browser can hold animation frames back for a minute.
 */
export async function scrollThrough(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const pause = () => new Promise((next) => setTimeout(next, 20));
    for (let top = 0, steps = 0; top < document.body.scrollHeight && steps < 100; top += window.innerHeight, steps++) {
      window.scrollTo({ top, behavior: 'instant' });
      await pause();
    }
    window.scrollTo({ top: document.body.scrollHeight, behavior: 'instant' });
  });
  await page.waitForLoadState('networkidle');
}

export async function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []);
}

/**
 * Waits until the service worker has kept the site and looks after this page. It fails to install
 * if a file it keeps is missing (e.g. dist/ rebuilt while the tests run).
 */
export async function installed(page: Page): Promise<void> {
  const state = await page.evaluate(() =>
    Promise.race([navigator.serviceWorker.ready.then(() => 'ready'), new Promise((resolve) => setTimeout(() => resolve('not ready after 30 s'), 30_000))]),
  );
  expect(state, 'the service worker installed').toBe('ready');
  await page.reload();
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
}
