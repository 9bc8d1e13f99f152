/**
 * The same site built with base `/waymark/` (as on GitHub Pages): every link and asset on every
 * page stays under the sub-path and is a file of the build, and the journey works there.
 * The whole-site part reads the built HTML (seconds for any size of site); the browser visits one
 * page of each kind, each its own test, so no single test grows with the site.
 */
import { expect, test } from '@playwright/test';
import { checkBuiltLinks } from '../src/audits/links';
import { builtPages, scrollThrough, watch } from './built-site';

const dist = 'dist-subpath';

test('every internal link and asset in every built page resolves under /waymark/', () => {
  const report = checkBuiltLinks(dist, '/waymark/');
  expect(report.broken.map((link) => `${link.reason}: ${link.attribute}="${link.url}" on ${link.page}`)).toEqual([]);
  expect(report.pages.length).toBe(builtPages(dist).length);
  expect(report.checked).toBeGreaterThan(report.pages.length * 10);
});

/** One page of each kind: what the browser really loads from them answers, under the sub-path. */
const samples = ['', 'help/', 'my-plan/', 'search/', 'stories/'];
const firstOf = (pattern: RegExp) => builtPages(dist).find((path) => pattern.test(path));
for (const path of [
  ...samples,
  firstOf(/^modules\/[^/]+\/$/),
  firstOf(/^modules\/[^/]+\/[^/]+\/$/),
  firstOf(/^stories\/[^/]+\/$/),
  firstOf(/^es\/modules\/[^/]+\/$/),
]) {
  if (path === undefined) continue;
  test(`/waymark/${path} loads everything from under /waymark/`, async ({ page, baseURL }) => {
    const base = new URL(baseURL!);
    const { requests } = watch(page);
    const failed: string[] = [];
    page.on('response', (response) => {
      if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
    });
    await page.goto(path);
    await scrollThrough(page);
    for (const url of requests) {
      const target = new URL(url);
      if (target.protocol === 'data:') continue;
      expect(target.origin, url).toBe(base.origin);
      expect(target.pathname, url).toMatch(/^\/waymark\//);
    }
    expect(failed).toEqual([]);
  });
}

test('home → module → step → help under the sub-path, with styles', async ({ page }) => {
  await page.goto('');
  const brand = await page.getByRole('banner').evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(brand).toBe('rgb(31, 95, 122)');
  await page.locator('.card__title a').first().click();
  await expect(page).toHaveURL(/\/waymark\/modules\/[a-z0-9-]+\/$/);
  await page.getByRole('link', { name: 'Start the first step' }).click();
  await expect(page.locator('.step-progress')).toHaveText(/Step 1 of \d+/);
  await page.getByRole('banner').getByRole('link', { name: 'Get help now' }).click();
  await expect(page).toHaveURL(/\/waymark\/help\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Get help now');
});
