/**
 * Display controls and Listen. Each display choice changes what the page looks like, is kept on
 * this device across a reload, and is applied before the first paint. Listen speaks the page's
 * words, and a tool's question, in the page's language (speech is spied on, not heard).
 */
import { expect, type Page, test } from '@playwright/test';
import { expectNoAxeViolations } from './built-site';

async function openDisplay(page: Page) {
  const menu = page.locator('.display-menu');
  if (!(await menu.evaluate((details) => (details as HTMLDetailsElement).open))) await page.getByText('Text and colours', { exact: true }).click();
}

const style = (page: Page, selector: string, property: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((element, name) => getComputedStyle(element).getPropertyValue(name), property);

test('text size: four steps, kept after a reload', async ({ page }) => {
  await page.goto('modules/hope-and-recovery/');
  const normal = parseFloat(await style(page, 'html', 'font-size'));
  await openDisplay(page);
  await page.getByRole('radio', { name: 'Largest' }).check();
  const largest = parseFloat(await style(page, 'html', 'font-size'));
  expect(largest).toBeGreaterThan(normal * 1.5);
  await page.reload();
  expect(parseFloat(await style(page, 'html', 'font-size'))).toBe(largest);
  await openDisplay(page);
  await expect(page.getByRole('radio', { name: 'Largest' })).toBeChecked();
  await page.getByRole('radio', { name: 'Large', exact: true }).check();
  const large = parseFloat(await style(page, 'html', 'font-size'));
  expect(large).toBeGreaterThan(normal);
  expect(large).toBeLessThan(largest);
  // The next page opens at that size straight away: prefs.js set it before the first paint.
  await page.goto('help/');
  expect(await page.evaluate(() => document.documentElement.dataset.textSize)).toBe('2');
});

test('colours: dark, light or the device; kept after a reload; still accessible', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('modules/hope-and-recovery/small-signs-of-hope/');
  const light = await style(page, 'body', 'background-color');
  await openDisplay(page);
  await page.getByRole('radio', { name: 'Dark' }).check();
  const dark = await style(page, 'body', 'background-color');
  expect(dark).not.toBe(light);
  await page.reload();
  expect(await style(page, 'body', 'background-color')).toBe(dark);
  await expectNoAxeViolations(page);

  // "Same as my device" follows the system setting.
  await openDisplay(page);
  await page.getByRole('radio', { name: 'Same as my device' }).check();
  expect(await style(page, 'body', 'background-color')).toBe(light);
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await style(page, 'body', 'background-color')).toBe(dark);
  await page.getByRole('radio', { name: 'Light' }).check();
  expect(await style(page, 'body', 'background-color')).toBe(light);
});

test('high contrast: stronger text and borders, in light and dark, kept after a reload', async ({ page }) => {
  await page.goto('search/');
  const text = await style(page, 'body', 'color');
  await openDisplay(page);
  await page.getByRole('checkbox', { name: 'High contrast' }).check();
  expect(await style(page, 'body', 'color')).toBe('rgb(0, 0, 0)');
  expect(await style(page, 'body', 'color')).not.toBe(text);
  await page.reload();
  expect(await style(page, 'body', 'color')).toBe('rgb(0, 0, 0)');
  await expectNoAxeViolations(page);
  await openDisplay(page);
  await page.getByRole('radio', { name: 'Dark' }).check();
  expect(await style(page, 'body', 'background-color')).toBe('rgb(0, 0, 0)');
  expect(await style(page, 'body', 'color')).toBe('rgb(255, 255, 255)');
  await expectNoAxeViolations(page);
});

test('reduce movement: on by the device setting, or by choice, and kept', async ({ page }) => {
  await page.goto('');
  expect(await style(page, 'html', 'scroll-behavior')).toBe('smooth');
  await openDisplay(page);
  await page.getByRole('checkbox', { name: 'Reduce movement' }).check();
  expect(await style(page, 'html', 'scroll-behavior')).toBe('auto');
  await page.reload();
  expect(await style(page, 'html', 'scroll-behavior')).toBe('auto');

  const fresh = await page.context().browser()!.newPage({ reducedMotion: 'reduce' });
  await fresh.goto(page.url());
  expect(await fresh.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior)).toBe('auto');
  await fresh.locator('.display-menu summary').click();
  await expect(fresh.getByRole('checkbox', { name: 'Reduce movement' })).toBeChecked();
  await fresh.close();
});

test('a guest session keeps display choices only until it ends', async ({ page }) => {
  await page.goto('together/');
  await page.getByRole('button', { name: 'Start a guest session' }).click();
  await expect(page.getByRole('button', { name: 'End guest session' })).toBeVisible();
  await openDisplay(page);
  await page.getByRole('radio', { name: 'Larger' }).check();
  expect(await page.evaluate(() => localStorage.getItem('waymark.display'))).toBeNull();
  await page.reload();
  expect(await page.evaluate(() => document.documentElement.dataset.textSize)).toBe('3');
  await page.getByRole('button', { name: 'End guest session' }).click();
  await page.getByRole('button', { name: 'End it now' }).click();
  await expect(page.getByRole('button', { name: 'End guest session' })).toBeHidden();
  expect(await page.evaluate(() => document.documentElement.dataset.textSize)).toBeUndefined();
});

/** Replaces speech with a spy: what would have been said, and in which language. */
async function spyOnSpeech(page: Page) {
  await page.addInitScript(() => {
    const spoken: { text: string; lang: string }[] = [];
    (window as unknown as { spoken: typeof spoken }).spoken = spoken;
    const synth = window.speechSynthesis;
    synth.speak = (utterance: SpeechSynthesisUtterance) => {
      spoken.push({ text: utterance.text, lang: utterance.lang });
    };
    synth.cancel = () => {};
  });
}
const spoken = (page: Page) => page.evaluate(() => (window as unknown as { spoken: { text: string; lang: string }[] }).spoken);

test('Listen reads the page aloud in its language, with pause and stop', async ({ page }) => {
  await spyOnSpeech(page);
  await page.goto('modules/hope-and-recovery/small-signs-of-hope/');
  await page.getByRole('button', { name: 'Listen', exact: true }).click();
  const said = await spoken(page);
  const text = said.map((piece) => piece.text).join('\n');
  expect(text).toContain('Small signs of hope');
  expect(text).toContain('Hope can be small');
  expect(text).not.toContain('Text and colours'); // the page's words, not its header
  expect(new Set(said.map((piece) => piece.lang))).toEqual(new Set(['en']));
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByRole('button', { name: 'Carry on' })).toBeVisible();
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(page.getByRole('button', { name: 'Listen', exact: true })).toBeVisible();

  await page.goto('es/modules/hope-and-recovery/small-signs-of-hope/');
  await page.getByRole('button', { name: 'Escuchar', exact: true }).click();
  const spanish = await spoken(page);
  expect(spanish.length).toBeGreaterThan(3);
  expect(new Set(spanish.map((piece) => piece.lang))).toEqual(new Set(['es']));
});

test("Listen reads a tool's question", async ({ page }) => {
  await spyOnSpeech(page);
  await page.goto('modules/getting-started/what-waymark-is/');
  const tool = page.locator('.tool').first();
  await tool.getByRole('button', { name: 'Listen to the question' }).click();
  const said = await spoken(page);
  const prompt = (await tool.locator('label, legend').first().textContent())!.trim();
  expect(said.map((piece) => piece.text).join('\n')).toContain(prompt.slice(0, 20));
});

test('Listen is hidden where the browser cannot speak', async ({ page }) => {
  await page.addInitScript(() => {
    delete (window as { speechSynthesis?: unknown }).speechSynthesis;
    delete (Window.prototype as { speechSynthesis?: unknown }).speechSynthesis;
  });
  await page.goto('modules/getting-started/what-waymark-is/');
  expect(await page.evaluate(() => 'speechSynthesis' in window)).toBe(false);
  await expect(page.getByRole('button', { name: 'Listen', exact: true })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Listen to the question' }).first()).toBeHidden();
});
