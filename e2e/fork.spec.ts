/**
 * A service's fork (tests/fixtures/fork/): its own name, logo, colour, help contacts, a new language
 * and a new module, and four features switched off, built from content alone. Every page of it is
 * accessible, and what is switched off is nowhere in its pages or scripts.
 */
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { filesIn } from '../src/integration/built-files';
import { builtPages, expectNoAxeViolations, watch } from './built-site';

const dist = 'dist-fork';

test('the fork has its own name, logo, colour and help contacts', async ({ page }) => {
  await page.goto('');
  await expect(page.locator('.site-name')).toHaveText('Riverside Recovery');
  await expect(page.locator('.site-name img')).toHaveAttribute('src', '/favicon.svg');
  await expect(page).toHaveTitle(/Riverside Recovery/);
  const header = await page.locator('.site-header').evaluate((element) => getComputedStyle(element).backgroundColor);
  expect(header).toBe('rgb(106, 44, 112)'); // #6a2c70
  await page.getByRole('banner').getByRole('link', { name: 'Get help now' }).click();
  await expect(page.getByRole('heading', { name: 'Riverside crisis team' })).toBeVisible();
  await expect(page.getByText('If you are in danger now, or someone else is, call 999.')).toBeVisible();
  await expect(page.getByText('988 Suicide & Crisis Lifeline')).toHaveCount(0);
});

test('its new module and its new language work, French with an English fallback', async ({ page }) => {
  await page.goto('modules/money-worries/one-small-step/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('One small step');
  await page.getByRole('navigation', { name: 'Language' }).getByRole('link', { name: 'Français' }).click();
  await expect(page).toHaveURL(/\/fr\/modules\/money-worries\/one-small-step\/$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Un petit pas');
  await expect(page.locator('.step-progress')).toHaveText('Étape 1 sur 1');
  await expect(page.locator('.translation-note')).toBeVisible();
  // A key the fork did not translate is shown in English.
  await expect(page.getByRole('banner').getByRole('link', { name: 'My plan' })).toBeVisible();
});

// One test a page, so no single test grows with the site (the build is in `npm run build:fork`).
for (const path of builtPages(dist)) {
  test(`/${path} of the fork is accessible and requests nothing from elsewhere`, async ({ page, baseURL }) => {
    const origin = new URL(baseURL!).origin;
    const { requests, errors } = watch(page);
    await page.goto(path);
    await expectNoAxeViolations(page);
    expect(requests.filter((url) => new URL(url).origin !== origin && !url.startsWith('data:'))).toEqual([]);
    expect(errors).toEqual([]);
  });
}

test('features switched off leave no trace in its pages or scripts', async ({ page }) => {
  // What each switched-off feature would leave behind, as words in the built files.
  const traces = {
    stories: ['href="/stories/', 'story-card', 'data-pagefind-filter="type:story"'],
    listen: ['data-listen', 'speechSynthesis', 'listen-prompt'],
    qrTransfer: ['bring-back', 'carry=', 'end.qrText'],
    checkIns: ['CheckIn', 'checkin.', 'plan-chart'],
  };
  const files = filesIn(dist, ['.html', '.js']);
  for (const [feature, words] of Object.entries(traces)) {
    for (const word of words) {
      const found = files.filter((file) => readFileSync(file, 'utf8').includes(word));
      expect(found, `${feature} switched off, but "${word}" is in these files`).toEqual([]);
    }
  }
  // And features left on are still there: the trace words are real.
  const everything = filesIn('dist', ['.html', '.js'])
    .map((file) => readFileSync(file, 'utf8'))
    .join('\n');
  for (const word of Object.values(traces).flat()) expect(everything, `"${word}" is not in the default build`).toContain(word);

  // In the browser: no Stories link, no Listen button, no QR code at the end of a session.
  await page.goto('');
  await expect(page.getByRole('banner').getByRole('link', { name: 'Stories' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Listen', exact: true })).toHaveCount(0);
  expect((await page.request.get('stories/')).status()).toBe(404);
  expect((await page.request.get('bring-back/')).status()).toBe(404);
});
