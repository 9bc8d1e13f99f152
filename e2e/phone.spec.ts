/**
 * A person alone on a cheap phone (360 × 740): the header is a slim bar that stays on screen, so
 * *Get help now* is in reach at any point of a long step, at the normal and the largest text size;
 * the page's heading starts on the first screen; the menu opens by tap and by keyboard, and its
 * links work with script off.
 */
import { expect, type Page, test } from '@playwright/test';

const phone = { width: 360, height: 740 };
const longStep = 'modules/coping-with-hard-times/when-things-feel-very-dark/';

test.use({ viewport: phone, hasTouch: true });

/** The person's text size, kept on the device as the display controls keep it, read before paint. */
async function textSize(page: Page, size: '1' | '4') {
  await page.addInitScript((chosen) => localStorage.setItem('waymark.display', JSON.stringify({ textSize: chosen })), size);
}

const helpNow = (page: Page) => page.getByRole('banner').getByRole('link', { name: 'Get help now' });
// A <summary>: a disclosure button to assistive technology, though Playwright gives it no role.
const menuButton = (page: Page) => page.getByRole('banner').getByText('Menu', { exact: true });

for (const size of ['1', '4'] as const) {
  test(`text size ${size}: a slim header, and Get help now in view all the way down`, async ({ page }) => {
    await textSize(page, size);
    await page.goto(longStep);
    expect(await page.evaluate(() => document.documentElement.dataset.textSize)).toBe(size);

    const header = (await page.getByRole('banner').boundingBox())!;
    // At most a fifth of the screen at the normal size; at the largest, the heading still starts on the first screen.
    if (size === '1') expect(header.height, 'header height at the normal size').toBeLessThanOrEqual(148);
    const heading = (await page.getByRole('heading', { level: 1 }).boundingBox())!;
    expect(heading.y, 'the heading starts on the first screen').toBeLessThan(phone.height);

    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    expect(height, 'a long page').toBeGreaterThan(phone.height * 2);
    for (const at of [0, 0.5, 1]) {
      await page.evaluate((y) => window.scrollTo({ top: y, behavior: 'instant' }), Math.round((height - phone.height) * at));
      await expect(helpNow(page), `Get help now at ${at * 100}% of the page`).toBeInViewport({ ratio: 1 });
    }
    await helpNow(page).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Get help now');
  });
}

test('a link to part of a page lands below the bar, not under it', async ({ page }) => {
  await textSize(page, '4');
  await page.emulateMedia({ reducedMotion: 'reduce' }); // the jump is instant: measured where it ends
  await page.goto('#modules');
  await expect.poll(() => page.evaluate(() => window.scrollY), 'the page moved to the heading').toBeGreaterThan(0);
  const bar = (await page.getByRole('banner').boundingBox())!;
  const heading = (await page.locator('#modules').boundingBox())!;
  expect(heading.y, 'the heading starts below the bar').toBeGreaterThanOrEqual(bar.y + bar.height);
});

test('the menu opens by tap and by keyboard, and Escape closes it', async ({ page }) => {
  await page.goto(longStep);
  const menu = menuButton(page);
  const myPlan = page.getByRole('banner').getByRole('link', { name: 'My plan' });
  await expect(myPlan).toBeHidden();

  await menu.tap();
  await expect(myPlan).toBeInViewport();
  await menu.tap();
  await expect(myPlan).toBeHidden();

  // Keyboard, from the top of the page: skip link, the site's name, Get help now, then the menu.
  await page.reload();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(helpNow(page)).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(menu).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(myPlan).toBeVisible();
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => !!document.activeElement?.closest('.site-menu'))).toBe(true);
  await page.keyboard.press('Escape');
  await expect(myPlan).toBeHidden();
  await expect(menu).toBeFocused();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('banner').getByRole('link', { name: 'Modules' })).toBeFocused();
  for (let i = 0; i < 5 && !(await myPlan.evaluate((link) => link === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(myPlan).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('My plan');
});

test.describe('with script off', () => {
  test.use({ javaScriptEnabled: false });

  test('the menu still opens and its links work', async ({ page }) => {
    await page.goto(longStep);
    await menuButton(page).click();
    await page.getByRole('banner').getByRole('link', { name: 'Search' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Search');
    await expect(helpNow(page)).toBeInViewport();
  });
});
