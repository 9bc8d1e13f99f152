/**
 * The same site built with base `/waymark/` (as on GitHub Pages): every link and asset on every
 * page stays under the sub-path and answers, and the journey works.
 */
import { expect, test } from '@playwright/test';
import { builtPages, watch } from './built-site';

test('every internal link and asset on every page resolves under /waymark/', async ({ page, baseURL }) => {
  const base = new URL(baseURL!);
  const checked = new Map<string, number>();
  for (const path of builtPages('dist-subpath')) {
    const { requests } = watch(page);
    await page.goto(path);
    const targets = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('a[href], link[href], img[src], script[src], source[src]')].map(
        (el) => (el as HTMLAnchorElement).href || (el as HTMLImageElement).src,
      ),
    );
    for (const url of [...targets, ...requests]) {
      const target = new URL(url);
      if (target.origin !== base.origin) continue; // external links (helplines) are links, not requests
      expect(target.pathname, `${url} on /${path}`).toMatch(/^\/waymark\//);
      const key = target.pathname;
      if (!checked.has(key)) checked.set(key, (await page.request.get(key)).status());
      expect(checked.get(key), `${url} on /${path}`).toBe(200);
    }
    expect(requests.every((url) => new URL(url).origin === base.origin)).toBe(true);
  }
  expect(checked.size).toBeGreaterThan(5);
});

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
