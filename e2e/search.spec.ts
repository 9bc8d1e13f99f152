/**
 * Search with the real Pagefind index of the real build: words from a module and from a story are
 * found, the filters narrow the results, a search works as a link, the words stay out of the query
 * string and the history (and out of the address altogether in a guest session), and only the
 * search page loads search code.
 */
import { expect, type Page, test } from '@playwright/test';

const results = (page: Page) => page.locator('.search__results > li');

async function search(page: Page, words: string) {
  await page.getByLabel('What are you looking for?').fill(words);
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  // The first search also loads Pagefind's index: give a slow machine time.
  await expect(page.getByRole('status').filter({ hasText: /result|Nothing found/ })).toBeVisible({ timeout: 15_000 });
}

test('from any page, a word in a module step is found, and the result opens the step', async ({ page }) => {
  await page.goto('modules/hope-and-recovery/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Search' }).click();
  await expect(page).toHaveURL(/\/search\/$/);
  await search(page, 'allotment');
  await expect(results(page).first()).toBeVisible();
  const titles = await results(page).locator('h2').allTextContents();
  expect(titles.length).toBeGreaterThan(0);
  // The match is marked in the excerpt, and the page title names the result.
  await expect(results(page).locator('mark').first()).toHaveText(/allotment/i);
  await expect(page).toHaveURL(/\/search\/#q=allotment$/); // in the fragment, which is never sent
  await results(page).first().getByRole('link').click();
  await expect(page.locator('main')).toContainText(/allotment/i);
});

test('a word from a story is found, and the type filter narrows the results', async ({ page }) => {
  await page.goto('search/?q=allotment');
  await expect(results(page).first()).toBeVisible();
  const all = await results(page).count();
  const types = await results(page).locator('.meta').allTextContents();
  expect(types.some((type) => type.startsWith('Stories'))).toBe(true);
  expect(types.some((type) => type.startsWith('Module steps'))).toBe(true);

  await page.getByRole('radio', { name: 'Stories' }).check();
  await expect(page).toHaveURL(/type=story/);
  await expect.poll(() => results(page).count()).toBeLessThan(all);
  for (const type of await results(page).locator('.meta').allTextContents()) expect(type).toMatch(/^Stories/);
  await expect(results(page).getByRole('link', { name: 'Going back to the allotment' })).toBeVisible();

  await page.getByRole('radio', { name: 'Module steps' }).check();
  for (const type of await results(page).locator('.meta').allTextContents()) expect(type).toMatch(/^Module steps/);
});

test('the theme filter narrows the results, and a search link opens with its filters', async ({ page }) => {
  await page.goto('search/?q=hope');
  await expect(results(page).first()).toBeVisible();
  const all = await results(page).count();
  await page.getByLabel('Theme').selectOption({ label: 'Having a say' });
  await expect(page).toHaveURL(/theme=empowerment/);
  await expect.poll(() => results(page).count()).toBeLessThan(all);

  await page.goto('search/?q=hope&type=story&theme=hope');
  await expect(page.getByRole('radio', { name: 'Stories' })).toBeChecked();
  await expect(page.getByLabel('Theme')).toHaveValue('hope');
  await expect(results(page).first()).toBeVisible();

  // Links this page makes now carry the search in the fragment; they open the same way.
  await page.goto('');
  await page.goto('search/#q=hope&type=story&theme=hope');
  await expect(page.getByRole('radio', { name: 'Stories' })).toBeChecked();
  await expect(page.getByLabel('Theme')).toHaveValue('hope');
  await expect(page.getByLabel('What are you looking for?')).toHaveValue('hope');
  await expect(results(page).first()).toBeVisible();
});

/** The address of each entry in the tab's history, walking back from the last to the first. */
async function historyOf(page: Page) {
  const addresses = [page.url()];
  const length = await page.evaluate(() => history.length);
  for (let i = 1; i < length; i++) {
    await page.goBack();
    addresses.push(page.url());
  }
  return { length, addresses };
}

test('search words stay out of the query string and the history', async ({ page }) => {
  await page.goto('');
  await page.goto('search/');
  const entries = await page.evaluate(() => history.length);
  await search(page, 'allotment');
  await page.getByRole('radio', { name: 'Stories' }).check();
  await expect(page).toHaveURL(/#q=allotment&type=story$/);
  expect(new URL(page.url()).search).toBe('');
  expect(await page.evaluate(() => history.length)).toBe(entries); // no entry added for each search

  // A shared link, or the form sent without script, has them in the query: they move out at once.
  await page.goto('search/?q=allotment&type=story');
  await expect(results(page).first()).toBeVisible();
  await expect(page).toHaveURL(/\/search\/#q=allotment&type=story$/);
  expect(new URL(page.url()).search).toBe('');
  expect(await page.evaluate(() => location.href)).not.toContain('?');

  // Back through every entry of this tab: none has the words in its query.
  const { addresses } = await historyOf(page);
  expect(addresses.length).toBeGreaterThanOrEqual(4);
  expect(addresses.filter((address) => new URL(address).search !== '')).toEqual([]);
});

test('in a guest session, search words are never in the address', async ({ page }) => {
  await page.goto('');
  await page.getByRole('button', { name: 'Start a guest session' }).click();
  await expect(page.getByText('Guest session. Nothing is kept after it ends.')).toBeVisible();
  await page.goto('search/');
  await search(page, 'allotment');
  await expect(results(page).first()).toBeVisible();
  await page.getByRole('radio', { name: 'Stories' }).check();
  await expect.poll(() => results(page).locator('.meta').first().textContent()).toMatch(/^Stories/);
  expect(page.url()).not.toContain('allotment');
  expect(page.url()).not.toContain('story');

  for (const link of ['search/?q=allotment', 'search/#q=allotment']) {
    await page.goto('');
    await page.goto(link);
    await expect(results(page).first()).toBeVisible(); // still searched
    await expect(page).toHaveURL(/\/search\/$/);
    expect(await page.evaluate(() => location.href)).not.toContain('allotment');
  }
  const { addresses } = await historyOf(page);
  expect(addresses.filter((address) => address.includes('allotment'))).toEqual([]);
});

test('no match says so plainly; worker notes and the page frame are not searched', async ({ page }) => {
  await page.goto('search/');
  await search(page, 'zzxqv');
  await expect(page.getByRole('status')).toHaveText('Nothing found for “zzxqv”. Try a shorter or different word.');
  // "Together mode" is in every page's header, never in a page's own words.
  await search(page, 'Together mode');
  const titles = await results(page).locator('h2').allTextContents();
  expect(titles).not.toContain('Your privacy');
  // "reconnect" is written only in a worker note (<ForWorkers>) on "The people around me".
  await search(page, 'reconnect');
  expect(await results(page).locator('h2').allTextContents()).not.toContain('The people around me');
});

test('excerpts read as the page does: spaces kept around the marked word, and no reference lists', async ({ page }) => {
  await page.goto('search/#q=sleep');
  await expect(results(page).first()).toBeVisible({ timeout: 15_000 });
  const excerpts = (await results(page).locator('p:not(.meta)').allTextContents()).join(' \n ');
  // "Sleep and rest", "sleep can": the word after a marked one keeps its space.
  expect(excerpts).toMatch(/sleep (and|can)/i);
  expect(excerpts).not.toMatch(/sleep(and|can|affects|problems)/i);

  // "Lancet" is only in the sources of "Looking after my wellbeing": other people's titles, not ours.
  await search(page, 'Lancet');
  await expect(page.getByRole('status')).toHaveText('Nothing found for “Lancet”. Try a shorter or different word.');
  await search(page, 'Psychiatry');
  expect(await results(page).locator('p:not(.meta)').allTextContents()).not.toContainEqual(expect.stringMatching(/Psychiatry \d|\d+\(\d+\)/));
});

test('usable by keyboard alone: type, press Enter, Tab to a result', async ({ page }) => {
  await page.goto('search/');
  await page.getByLabel('What are you looking for?').focus();
  await page.keyboard.type('sleep');
  await page.keyboard.press('Enter');
  await expect(results(page).first()).toBeVisible();
  await expect(page.getByRole('status')).toHaveText(/results? for “sleep”/);
});

test('the search page itself loads little: its own script is small, and Pagefind only once searching', async ({ page }) => {
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(request.url());
  });
  await page.goto('search/');
  expect(scripts.filter((url) => url.includes('pagefind'))).toEqual([]);
  const own = scripts.filter((url) => url.includes('search'));
  expect(own).toHaveLength(1);
  expect((await (await page.request.get(own[0]!)).body()).length).toBeLessThan(4096);
});

test('pages other than search load no search code', async ({ page }) => {
  const requested: string[] = [];
  page.on('request', (request) => requested.push(new URL(request.url()).pathname));
  for (const path of ['', 'modules/hope-and-recovery/', 'stories/', 'help/']) await page.goto(path);
  expect(requested.filter((path) => path.includes('pagefind'))).toEqual([]);
  await page.goto('search/?q=sleep');
  await expect(results(page).first()).toBeVisible();
  expect(requested.some((path) => path.endsWith('/pagefind/pagefind.js'))).toBe(true);
});
