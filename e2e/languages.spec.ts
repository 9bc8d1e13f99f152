/**
 * Languages: Spanish in full and Arabic (right to left) beside English. Each page says its language
 * and direction, the switcher keeps you on the same page where it is translated, search stays in
 * the page's language, and an unreviewed translation says so quietly.
 */
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './built-site';

const switcher = (page: import('@playwright/test').Page) => page.getByRole('navigation', { name: /^(Language|Idioma|اللغة)$/ });

test('switching language keeps the page, and each page has its own lang and dir', async ({ page }) => {
  await page.goto('modules/getting-started/alone-or-with-a-worker/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');

  await switcher(page).getByRole('link', { name: 'Español' }).click();
  await expect(page).toHaveURL(/\/es\/modules\/getting-started\/alone-or-with-a-worker\/$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');

  await switcher(page).getByRole('link', { name: 'العربية' }).click();
  await expect(page).toHaveURL(/\/ar\/modules\/getting-started\/alone-or-with-a-worker\/$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');

  await switcher(page).getByRole('link', { name: 'English' }).click();
  await expect(page).toHaveURL(/\/modules\/getting-started\/alone-or-with-a-worker\/$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test('a page that is not translated leads to the nearest page that is', async ({ page }) => {
  // Arabic has one module: from a step of another module, Arabic goes to the Arabic home page.
  await page.goto('modules/hope-and-recovery/small-signs-of-hope/');
  await expect(switcher(page).getByRole('link', { name: 'العربية' })).toHaveAttribute('href', '/ar/');
  await expect(switcher(page).getByRole('link', { name: 'Español' })).toHaveAttribute('href', '/es/modules/hope-and-recovery/small-signs-of-hope/');
  await page.goto('stories/the-tuesday-walk/');
  await expect(switcher(page).getByRole('link', { name: 'العربية' })).toHaveAttribute('href', '/ar/stories/');
});

test('Arabic pages are right to left, mirrored, and pass axe', async ({ page }) => {
  for (const path of ['ar/', 'ar/modules/getting-started/', 'ar/modules/getting-started/what-waymark-is/', 'ar/help/', 'ar/my-plan/', 'ar/search/']) {
    await page.goto(path);
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expectNoAxeViolations(page);
  }
  // Logical properties: the site name sits on the right, and the "next" arrow points left.
  await page.goto('ar/modules/getting-started/what-waymark-is/');
  const name = await page.locator('.site-name').boundingBox();
  const viewport = page.viewportSize()!;
  expect(name!.x + name!.width).toBeGreaterThan(viewport.width * 0.6);
  const arrow = page.locator('.step-nav .arrow').first();
  expect(await arrow.evaluate((element) => getComputedStyle(element).transform)).toBe('matrix(-1, 0, 0, 1, 0, 0)');
});

test('Spanish search finds Spanish pages only', async ({ page }) => {
  await page.goto('es/search/?q=esperanza');
  const results = page.locator('.search__results > li');
  await expect(results.first()).toBeVisible();
  const links = await results.getByRole('link').evaluateAll((anchors) => anchors.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  expect(links.length).toBeGreaterThan(1);
  for (const link of links) expect(link).toMatch(/^\/es\//);
  await expect(page.getByRole('status')).toContainText('esperanza');
  // And English search finds no Spanish pages.
  await page.goto('search/?q=hope');
  await expect(page.locator('.search__results > li').first()).toBeVisible();
  const english = await page.locator('.search__results a').evaluateAll((anchors) => anchors.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  expect(english.filter((link) => /^\/(es|ar)\//.test(link))).toEqual([]);
});

test('a translation no native speaker has reviewed says so, quietly; English does not', async ({ page }) => {
  await page.goto('es/');
  await expect(page.locator('.translation-note')).toBeVisible();
  await page.goto('ar/');
  await expect(page.locator('.translation-note')).toBeVisible();
  await page.goto('');
  await expect(page.locator('.translation-note')).toHaveCount(0);
});

test('dates are written the way each language writes them', async ({ page }) => {
  // A check-in shows today's date, in the page's language.
  const when = new Date();
  for (const [path, locale] of [
    ['es/modules/getting-started/what-waymark-is/', 'es'],
    ['modules/getting-started/what-waymark-is/', 'en'],
  ] as const) {
    await page.goto(path);
    const checkIn = page.locator('[data-tool="checkin"]').first();
    await checkIn.scrollIntoViewIfNeeded();
    await expect(checkIn).toContainText(when.toLocaleDateString(locale, { weekday: 'short', day: 'numeric', month: 'short' }));
  }
});
