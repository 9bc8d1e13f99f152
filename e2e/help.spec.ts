/**
 * Get help now, as a person alone on a 360 × 740 phone (issue 15): the service's contacts are one
 * tap to call or text; the person's own people, what helps and warning signs from My plan are on the
 * page too, on this device only (never in the built page), with their numbers one tap away, offline
 * as well; and on a locked device only the service's part shows.
 */
import { expect, type Page, test } from '@playwright/test';
import { gzipSync } from 'node:zlib';
import { expectNoAxeViolations, installed, watch } from './built-site';

test.use({ viewport: { width: 360, height: 740 } });

const peopleStep = 'modules/connecting-with-people/reaching-out/';
const sam = 'Sam 07700 900123 (evenings)';
const passphrase = 'kettle on the hob';

/** Adds the person's own words to a plan list in the real tool, and waits until they are kept. */
async function addToPlan(page: Page, toolId: string, words: string) {
  const tool = page.locator(`#tool-${toolId}`);
  const field = tool.getByLabel('Add your own');
  await field.scrollIntoViewIfNeeded(); // tools wake up when they come into view
  // Enabled once the tool has woken up and read the device (typing before that could be lost).
  await expect(tool.getByRole('button', { name: 'Add', exact: true })).toBeEnabled();
  await field.fill(words);
  await page.keyboard.press('Enter');
  await expect(tool.getByRole('listitem').filter({ hasText: words })).toBeVisible();
  await expect(tool.getByRole('status').filter({ hasText: /Saved|Kept/ })).toBeVisible();
}

test("the service's contacts are one tap to call or text, and the page stays light", async ({ page }) => {
  await page.goto('help/');
  await expect(page.getByRole('link', { name: 'Call 116 123' })).toHaveAttribute('href', 'tel:116123');
  await expect(page.getByRole('link', { name: 'Text 988' })).toHaveAttribute('href', 'sms:988');
  for (const link of await page.locator('a[href^="tel:"], a[href^="sms:"]').all()) {
    expect((await link.boundingBox())!.height, `${await link.textContent()} is large enough to tap`).toBeGreaterThanOrEqual(44);
  }
  // The default site is used in many countries: no number is set, so the sentence says so plainly.
  await expect(page.getByText('call your local emergency number')).toBeVisible();
  await expect(page.locator('.emergency a[href^="tel:"]')).toHaveCount(0);

  // With nothing saved on this device, one line invites the person to start their own list.
  const mine = page.getByRole('region', { name: 'From your own plan' });
  await expect(mine.getByRole('link', { name: 'Add them to your plan' })).toHaveAttribute('href', `/${peopleStep}#tool-people-i-can-contact`);
  await expectNoAxeViolations(page);
});

test("the help page's own JavaScript is the store's reading code, and no framework", async ({ page }) => {
  const scriptsOn = async (path: string) => {
    const { requests } = watch(page);
    await page.goto(path);
    await page.waitForLoadState('networkidle'); // scripts loaded late (the offline worker's) count too
    return new Set(requests.filter((url) => /\.m?js$/.test(url)).map((url) => new URL(url).pathname));
  };
  const everyPage = await scriptsOn('privacy/');
  const helpPage = await scriptsOn('help/');
  await expect(page.getByRole('region', { name: 'From your own plan' })).toBeVisible();
  let own = 0;
  for (const path of helpPage) {
    expect(path, 'no framework on the help page').not.toMatch(/react|client\.[\w-]+\.js$/i);
    if (!everyPage.has(path)) own += gzipSync(await (await page.request.get(path)).body()).length;
  }
  console.log(`the help page's own JavaScript: ${own} bytes gzip`);
  // The store's code (the same file the tools use, kept for offline) and a 0.8 kB script: measured 18.5 kB.
  expect(own).toBeLessThanOrEqual(19_000);
});

test('your own people, what helps and warning signs are on the help page, numbers one tap away, offline too', async ({ page, context }) => {
  await page.goto('');
  await installed(page);
  await page.goto(peopleStep);
  await addToPlan(page, 'people-i-can-contact', sam);
  await page.goto('modules/hope-and-recovery/small-signs-of-hope/');
  await addToPlan(page, 'what-helps-me', 'Feeding the cat');

  await page.goto('help/');
  const mine = page.getByRole('region', { name: 'From your own plan' });
  const people = mine.getByRole('listitem').filter({ hasText: 'Sam' });
  await expect(people).toHaveText(sam);
  // Only the number is the link; the name and "(evenings)" stay words around it.
  await expect(people.getByRole('link')).toHaveText('07700 900123');
  await expect(people.getByRole('link')).toHaveAttribute('href', 'tel:07700900123');
  expect((await people.getByRole('link').boundingBox())!.height).toBeGreaterThanOrEqual(44);
  await expect(mine.getByRole('heading', { name: 'What helps me' })).toBeVisible();
  await expect(mine.getByRole('listitem').filter({ hasText: 'Feeding the cat' })).toBeVisible();
  await expect(mine.getByRole('link', { name: 'Add them to your plan' })).toBeHidden();
  // The service's part is still all there.
  await expect(page.getByRole('link', { name: 'Call 116 123' })).toBeVisible();
  await expect(page.locator('.not-crisis')).toBeVisible();
  await expectNoAxeViolations(page);
  // The page as built and sent knows nothing of them.
  expect(await (await page.request.get('help/')).text()).not.toContain('900123');

  await context.setOffline(true);
  await page.reload();
  await expect(mine.getByRole('link', { name: '07700 900123' })).toHaveAttribute('href', 'tel:07700900123');
  await context.setOffline(false);
});

test('on a locked device only the service part shows, with one calm line and a way to unlock', async ({ page }) => {
  await page.goto(peopleStep);
  await addToPlan(page, 'people-i-can-contact', sam);
  await page.goto('my-plan/');
  await page.getByLabel('New passphrase').fill(passphrase);
  await page.getByLabel('Type it again').fill(passphrase);
  await page.getByRole('button', { name: 'Lock my words' }).click(); // locks at once
  await expect(page.getByText('Your words are locked')).toBeVisible();

  await page.goto('help/');
  const mine = page.getByRole('region', { name: 'From your own plan' });
  await expect(mine.getByText('Your own plan is locked.')).toBeVisible();
  await expect(mine.getByRole('link', { name: 'Unlock it in My plan' })).toHaveAttribute('href', '/my-plan/');
  await expect(page.getByText('evenings')).toHaveCount(0);
  await expect(page.locator('main a[href="tel:07700900123"]')).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Call 116 123' })).toBeVisible();
  await expectNoAxeViolations(page);
});
