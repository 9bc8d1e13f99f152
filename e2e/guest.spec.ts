/**
 * Guest sessions on a shared device, in Chromium with real IndexedDB, localStorage and Cache
 * Storage: a tab opened from a guest tab is a guest tab too, and ending the session asks first,
 * reaches every guest tab, says so once, and leaves the owner's words and offline stories alone.
 */
import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import { expectNoAxeViolations } from './built-site';

const moduleOverview = 'modules/getting-started/';
const reflectionStep = 'modules/getting-started/alone-or-with-a-worker/';
const prompt = /on your own, with someone, or both/;
const banner = 'Guest session. Nothing is kept after it ends.';
const endedMessage = 'The guest session has ended. Nothing from it is kept on this device.';

/** The reflection tool on the page already open, once it has woken up (tools wake as they come into view). */
async function reflection(page: Page) {
  const box = page.getByRole('textbox', { name: prompt });
  await box.scrollIntoViewIfNeeded();
  await expect(box).toBeEditable();
  return box;
}

/** Types into the reflection tool on the page already open, and waits until it is saved. */
async function type(page: Page, text: string) {
  const box = await reflection(page);
  await box.fill(text);
  await expect(page.getByRole('status').filter({ hasText: /Saved|Kept/ })).toBeVisible();
}

async function startGuest(page: Page) {
  await page.goto('');
  await page.getByRole('button', { name: 'Start a guest session' }).click();
  await expect(page.getByText(banner)).toBeVisible();
}

/** Every value Waymark could have left in this browser, as one string: IndexedDB, both storages, kept recordings. */
async function everything(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const records = async (name: string) =>
      new Promise<unknown>((resolve) => {
        const request = indexedDB.open(name);
        request.onsuccess = () => {
          const names = [...request.result.objectStoreNames];
          if (names.length === 0) return resolve([]);
          const transaction = request.result.transaction(names);
          const all = names.map((store) => [store, transaction.objectStore(store).getAll()] as const);
          transaction.oncomplete = () => resolve(all.map(([store, read]) => [store, read.result]));
        };
        request.onerror = () => resolve([]);
      });
    const databases = await Promise.all((await indexedDB.databases()).map(async (d) => [d.name, await records(d.name!)]));
    // The service worker's own copy of the site's pages is no one's: only the kept recordings are.
    const kept = (await caches.keys()).filter((name) => !name.startsWith('workbox-'));
    const cached = await Promise.all(kept.map(async (name) => [name, (await (await caches.open(name)).keys()).map((r) => r.url)]));
    return JSON.stringify({ databases, local: { ...localStorage }, session: { ...sessionStorage }, cached });
  });
}

async function cacheFiles(page: Page, name: string): Promise<string[]> {
  return page.evaluate(
    async (cache) => ((await caches.has(cache)) ? (await (await caches.open(cache)).keys()).map((r) => new URL(r.url).pathname).sort() : []),
    name,
  );
}

/** Saves a story for offline with its button, as a person would. */
async function saveStory(page: Page, story: string) {
  await page.goto(`stories/${story}/`);
  const goOn = page.getByText('Go on to the story');
  if (await goOn.count()) await goOn.click();
  await page.getByRole('button', { name: 'Save for offline' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved on this device. You can play it with no signal.' })).toBeVisible();
}

/** Opens the link in a new tab with Ctrl+click (Cmd+click on a Mac), as a person would. */
async function ctrlClick(context: BrowserContext, page: Page, link: string): Promise<Page> {
  const opened = context.waitForEvent('page');
  await page.click(link, { modifiers: ['ControlOrMeta'] });
  const tab = await opened;
  await tab.waitForLoadState();
  return tab;
}

test('a tab opened from a guest tab is a guest tab, and what is typed there goes when the session ends', async ({ context, page }) => {
  await startGuest(page);
  await page.goto(moduleOverview);
  await expect(page.getByText(banner)).toBeVisible();

  const second = await ctrlClick(context, page, `main a[href$="/${reflectionStep}"]`);
  await expect(second.getByText(banner)).toBeVisible();
  await type(second, 'Typed in the tab opened from the guest tab');
  await expect(second.getByRole('status').filter({ hasText: 'Kept until the guest session ends' })).toBeVisible();
  expect(await everything(second)).toContain('Typed in the tab opened');

  await page.getByRole('button', { name: 'End guest session' }).click();
  await page.getByRole('button', { name: 'End it now' }).click();
  await expect(page.getByRole('status').filter({ hasText: endedMessage })).toBeVisible();
  // The other guest tab ended too, and nothing typed in either tab is anywhere on the device.
  await expect(second.getByRole('status').filter({ hasText: endedMessage })).toBeVisible();
  await expect(second.getByText(banner)).toBeHidden();
  for (const tab of [page, second]) expect(await everything(tab)).not.toContain('Typed in the tab opened');
  expect(await page.evaluate(() => localStorage.getItem('waymark.guest-open'))).toBeNull();

  // A tab opened now is the owner's again.
  const later = await ctrlClick(context, page, 'header a.site-name');
  await expect(later.getByRole('button', { name: 'Start a guest session' })).toBeVisible();
  await expect(later.getByText(banner)).toBeHidden();
});

test("ending a guest session asks first, ends every guest tab, and leaves the owner's words and stories", async ({ context, page }) => {
  // The owner's own words and a story saved for offline, before the guest arrives.
  await page.goto(reflectionStep);
  await type(page, "The owner's own words");
  await saveStory(page, 'the-first-visit');
  const ownerStory = await cacheFiles(page, 'waymark-media');
  expect(ownerStory).toEqual(['/media/stories/the-first-visit.mp3', '/media/stories/the-first-visit.vtt']);

  await startGuest(page);
  await page.goto(reflectionStep);
  await expect(await reflection(page)).toHaveValue('');
  await type(page, 'The guest wrote this');
  await saveStory(page, 'going-back-to-the-allotment');
  // Another guest tab, opened from this one.
  const other = await ctrlClick(context, page, 'header a.site-name');
  await expect(other.getByText(banner)).toBeVisible();

  // Asked first, with "Keep going" ready to press; keeping going changes nothing.
  await page.getByRole('button', { name: 'End guest session' }).click();
  const ask = page.getByRole('dialog', { name: 'End the guest session?' });
  await expect(ask).toBeVisible();
  await expect(ask.getByRole('button', { name: 'Keep going' })).toBeFocused();
  await expect(ask.getByRole('link', { name: 'Take your words with you first' })).toHaveAttribute('href', '/end-session/');
  await expectNoAxeViolations(page);
  await ask.getByRole('button', { name: 'Keep going' }).click();
  await expect(ask).toBeHidden();
  await expect(page.getByText(banner)).toBeVisible();
  await page.goto('my-plan/');
  await expect(page.locator('.plan__text')).toHaveText('The guest wrote this');
  // End the session speaks to a guest: their words are kept only until the session ends, with no
  // passphrase to set on someone else's device.
  await page.goto('end-session/');
  await expect(page.getByRole('heading', { level: 2, name: 'Kept until the guest session ends' })).toBeVisible();
  await expect(page.getByRole('main').getByText('The guest wrote this')).toBeVisible();
  await expect(page.getByText('Everything written in this guest session is removed now.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Lock my words' })).toHaveCount(0);

  // Pressing Escape is "keep going" too.
  await page.getByRole('button', { name: 'End guest session' }).click();
  await expect(ask).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(ask).toBeHidden();
  await expect(page.getByText(banner)).toBeVisible();

  await page.getByRole('button', { name: 'End guest session' }).click();
  await ask.getByRole('button', { name: 'End it now' }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('status').filter({ hasText: endedMessage })).toBeVisible();
  await expect(page.getByText(banner)).toBeHidden();
  await expectNoAxeViolations(page);
  await expect(other.getByRole('status').filter({ hasText: endedMessage })).toBeVisible();
  await expect(other.getByText(banner)).toBeHidden();
  // Said once: not again on the next visit to home.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByText(endedMessage)).toHaveCount(0);

  // The owner's words and story are all still here; the guest's are nowhere.
  expect(await cacheFiles(page, 'waymark-media')).toEqual(ownerStory);
  const left = await everything(page);
  expect(left).toContain("The owner's own words");
  expect(left).not.toContain('The guest wrote this');
  expect(left).not.toContain('/media/stories/going-back-to-the-allotment');
  await page.goto(reflectionStep);
  await expect(await reflection(page)).toHaveValue("The owner's own words");
  await page.goto('my-plan/');
  await expect(page.locator('.plan__text')).toHaveText("The owner's own words");
});

test("a guest's story saved for offline plays with no signal, from the guest's own cache, and goes when the session ends", async ({ page, context }) => {
  await page.goto('');
  // The service worker looks after the page (as in offline.spec.ts): the first visit installs it.
  const ready = await page.evaluate(() =>
    Promise.race([navigator.serviceWorker.ready.then(() => 'ready'), new Promise((resolve) => setTimeout(() => resolve('not ready after 30 s'), 30_000))]),
  );
  expect(ready, 'the service worker installed').toBe('ready');
  await startGuest(page);
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);

  await saveStory(page, 'going-back-to-the-allotment');
  const guestFiles = [
    '/media/stories/going-back-to-the-allotment.jpg',
    '/media/stories/going-back-to-the-allotment.mp4',
    '/media/stories/going-back-to-the-allotment.vtt',
  ];
  expect(await cacheFiles(page, 'waymark-media-guest')).toEqual(guestFiles);
  expect(await cacheFiles(page, 'waymark-media')).toEqual([]);

  await context.setOffline(true);
  const video = await page.locator('video source').getAttribute('src');
  const answers = await page.evaluate(async (url) => {
    const whole = await fetch(url!);
    const part = await fetch(url!, { headers: { Range: 'bytes=0-99' } });
    return [whole.status, (await whole.arrayBuffer()).byteLength > 10_000, part.status, (await part.arrayBuffer()).byteLength];
  }, video);
  expect(answers, 'the whole recording, and a part of it as players ask').toEqual([200, true, 206, 100]);
  await context.setOffline(false);

  await page.getByRole('button', { name: 'End guest session' }).click();
  await page.getByRole('button', { name: 'End it now' }).click();
  await expect(page.getByRole('status').filter({ hasText: endedMessage })).toBeVisible();
  expect(await page.evaluate(() => caches.has('waymark-media-guest'))).toBe(false);
});
