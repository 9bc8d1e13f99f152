/** A person finds a module, reads its steps and finds help: by mouse, and by keyboard alone. */
import { expect, type Page, test } from '@playwright/test';

/** Press Tab until the focused element is a link or button named `name`; fail after `limit` presses. */
async function tabTo(page: Page, name: string | RegExp, limit = 40): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
    if (typeof name === 'string' ? focused === name : name.test(focused)) return;
  }
  throw new Error(`Tab never reached "${name}"`);
}

async function stepProgress(page: Page): Promise<{ current: number; total: number }> {
  const text = await page.locator('.step-progress').textContent();
  const [, current, total] = /Step (\d+) of (\d+)/.exec(text ?? '') ?? [];
  return { current: Number(current), total: Number(total) };
}

test('by mouse: home → module → every step → help', async ({ page }) => {
  await page.goto('');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const modules = page.locator('#modules ~ .cards .card__title a');
  expect(await modules.count()).toBeGreaterThanOrEqual(2);
  const moduleTitle = (await modules.first().textContent())!.trim();
  await page
    .locator('#modules ~ .cards .card')
    .first()
    .click({ position: { x: 20, y: 80 } }); // anywhere on the card

  await expect(page.getByRole('heading', { level: 1 })).toHaveText(moduleTitle);
  await page.getByRole('link', { name: 'Start the first step' }).click();

  let progress = await stepProgress(page);
  expect(progress.current).toBe(1);
  expect(progress.total).toBeGreaterThanOrEqual(2);
  while (progress.current < progress.total) {
    await page.getByRole('link', { name: /^Next: / }).click();
    const next = await stepProgress(page);
    expect(next).toEqual({ current: progress.current + 1, total: progress.total });
    progress = next;
  }
  await expect(page.getByText('You reached the end of this module.')).toBeVisible();
  await expect(page.getByRole('link', { name: /^Next: / })).toHaveCount(0);

  await page.getByRole('link', { name: /^Previous: / }).click();
  expect((await stepProgress(page)).current).toBe(progress.total - 1);

  await page.getByRole('banner').getByRole('link', { name: 'Get help now' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Get help now');
  await expect(page.getByText('If you are in danger now, or someone else is, call your local emergency number.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Call 116 123' })).toHaveAttribute('href', 'tel:116123');
  await expect(page.getByText('Waymark is not a crisis service.').first()).toBeVisible();
});

test('by keyboard alone: skip link, module, steps, help', async ({ page }) => {
  await page.goto('');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#main$/);
  await expect(page.locator('#main')).toBeFocused();

  // After the skip link, the next Tab lands inside the main content, not in the header.
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => !!document.activeElement?.closest('main'))).toBe(true);

  const firstModule = (await page.locator('.card__title a').first().textContent())!.trim();
  await tabTo(page, firstModule);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(firstModule);

  await tabTo(page, 'Start the first step');
  await page.keyboard.press('Enter');
  expect((await stepProgress(page)).current).toBe(1);

  await tabTo(page, /^Next: /);
  await page.keyboard.press('Enter');
  expect((await stepProgress(page)).current).toBe(2);

  await page.goto(page.url()); // start the Tab order from the top of the page again
  await tabTo(page, 'Get help now');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Get help now');
});

test('focus is visible on links', async ({ page }) => {
  await page.goto('');
  await page.keyboard.press('Tab');
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
  expect(outline).not.toBe('none');
});

test('an unknown address shows the not-found page with a way home and to help', async ({ page }) => {
  const response = await page.goto('no-such-page/');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('We could not find that page');
  await expect(page.getByRole('link', { name: 'Go to the home page' })).toHaveAttribute('href', '/');
  await expect(page.getByRole('banner').getByRole('link', { name: 'Get help now' })).toBeVisible();
});

test('printing a page leaves out the site chrome and keeps the words', async ({ page }) => {
  await page.goto('help/');
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('banner')).toBeHidden();
  await expect(page.locator('.site-footer')).toBeHidden();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.locator('.contact').first()).toBeVisible();
});

test('the layout holds from a 320 px phone to a tablet in landscape', async ({ page }) => {
  for (const viewport of [
    { width: 320, height: 568 },
    { width: 768, height: 1024 },
    { width: 1366, height: 1024 },
  ]) {
    await page.setViewportSize(viewport);
    await page.goto('');
    const help = page.getByRole('banner').getByRole('link', { name: 'Get help now' });
    await expect(help).toBeInViewport();
    const box = (await help.boundingBox())!;
    expect(box.height, 'touch target height').toBeGreaterThanOrEqual(44);
    const card = (await page.locator('.card').first().boundingBox())!;
    expect(card.x + card.width).toBeLessThanOrEqual(viewport.width);
  }
});
