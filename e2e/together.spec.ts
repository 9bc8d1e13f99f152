/**
 * Together mode, ending a session, shared devices and reminders, in Chromium: worker notes come
 * and go with the switch; the person's words travel by QR code to a second browser after their
 * yes; a passphrase lock leaves no plaintext in IndexedDB; a guest session leaves nothing at all.
 */
import { expect, type Page, test } from '@playwright/test';
import ICAL from 'ical.js';
import jsQR from 'jsqr';
import { readFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import { tagsIn } from '../src/integration/built-html';
import { builtHtml, builtPages, expectNoAxeViolations } from './built-site';

const reflectionStep = 'modules/getting-started/alone-or-with-a-worker/';
const prompt = /on your own, with someone, or both/;

async function write(page: Page, text: string) {
  await page.goto(reflectionStep);
  const box = page.getByRole('textbox', { name: prompt });
  await box.scrollIntoViewIfNeeded();
  await expect(box).toBeEditable();
  await box.fill(text);
  await expect(page.getByRole('status').filter({ hasText: /Saved|Kept/ })).toBeVisible();
}

/** Everything Waymark could have left in this browser's storage. */
async function storageContents(page: Page) {
  return page.evaluate(async () => {
    const databases = (await indexedDB.databases()).map((d) => d.name);
    let records = '';
    if (databases.includes('waymark')) {
      records = await new Promise<string>((resolve) => {
        const request = indexedDB.open('waymark');
        request.onsuccess = () => {
          const db = request.result;
          const names = [...db.objectStoreNames];
          if (names.length === 0) return resolve('');
          const all = db.transaction(names).objectStore(names[0]!).getAll();
          all.onsuccess = () => resolve(JSON.stringify(all.result));
        };
      });
    }
    return { databases, records, localStorage: Object.keys(localStorage), sessionStorage: Object.keys(sessionStorage) };
  });
}

test('Together mode shows worker notes, keeps them across pages, and hides them again', async ({ page }) => {
  // A step: its note is in the page's flow (a story's may wait behind its content note).
  const withNotes = reflectionStep;
  expect(builtHtml('dist', withNotes), 'a page with <ForWorkers> notes').toContain('class="for-workers"');
  await page.goto(withNotes);
  const notes = page.locator('.for-workers').first();
  const toggle = page.getByRole('button', { name: 'Together mode' });
  await expect(notes).toBeHidden();
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  const textSize = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));

  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect(notes).toBeVisible();
  expect(await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize))).toBeGreaterThan(textSize);
  await expect(page.getByRole('link', { name: 'End the session' })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.goto('');
  await expect(page.getByRole('button', { name: 'Together mode' })).toHaveAttribute('aria-pressed', 'true');
  await page.goto(withNotes);
  await expect(page.locator('.for-workers').first()).toBeVisible();
  await page.getByRole('button', { name: 'Together mode' }).click();
  await expect(page.locator('.for-workers').first()).toBeHidden();
});

test('worker notes are not in the search index', async () => {
  const notes = builtPages('dist')
    .flatMap((path) => [...tagsIn(builtHtml('dist', path))])
    .filter(({ name, attributes }) => name === 'aside' && attributes.class?.split(/\s+/).includes('for-workers'));
  expect(notes.length).toBeGreaterThan(0);
  expect(notes.every(({ attributes }) => 'data-pagefind-ignore' in attributes)).toBe(true);
});

test('end the session and forget: nothing is left in any storage', async ({ page }) => {
  await write(page, 'Said today with my worker');
  await page.goto('end-session/');
  await expect(page.getByRole('heading', { name: 'What you wrote today' })).toBeVisible();
  await expect(page.locator('.end-session')).toContainText('Said today with my worker');
  await expect(page.getByRole('img', { name: 'QR code that carries your words to your phone' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Forget everything on this device' }).click();
  await page.getByRole('button', { name: 'Yes, forget everything' }).click();
  await expect(page.getByText('Everything Waymark kept on this device is gone.')).toBeVisible();
  const left = await storageContents(page);
  expect(left.databases).not.toContain('waymark');
  expect(left.localStorage).toEqual([]);
});

test('a QR code made in one browser carries the words to another, after consent', async ({ browser, baseURL }) => {
  // Drawn at twice the pixels, as a phone's camera sees it: at under 5 pixels a module, jsQR misreads some codes.
  const worker = await browser.newContext({ baseURL: baseURL!, deviceScaleFactor: 2 });
  const tablet = await worker.newPage();
  await write(tablet, 'Walking the dog helps me');
  await tablet.goto('end-session/');
  const qr = tablet.getByRole('img', { name: 'QR code that carries your words to your phone' });
  await qr.scrollIntoViewIfNeeded();
  const png = PNG.sync.read(await qr.screenshot());
  const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  expect(decoded, 'the QR code can be read').not.toBeNull();
  const link = new URL(decoded!.data);
  expect(link.pathname).toMatch(/\/bring-back\/$/);
  expect(link.hash).toMatch(/^#wm1=/);
  expect(link.search).toBe(''); // the words are only in the fragment, which is never sent
  await worker.close();

  const phone = await browser.newContext({ baseURL: baseURL! });
  const page = await phone.newPage();
  const sent: string[] = [];
  page.on('request', (request) => sent.push(request.url()));
  await page.goto(link.href);
  expect(sent.every((url) => !url.includes('wm1='))).toBe(true);
  await expect(page.getByText('New answers to add: 1')).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Add the answers' }).click();
  await expect(page.getByText('Your words are on this device now.')).toBeVisible();
  expect(new URL(page.url()).hash).toBe('');
  await page.goto('my-plan/');
  await expect(page.locator('.plan__text')).toHaveText('Walking the dog helps me');
  await phone.close();
});

test('a hostile link is refused and changes nothing', async ({ page }) => {
  await write(page, 'Mine already');
  await page.goto('bring-back/#carry=<img src=x onerror=alert(1)>');
  await expect(page.getByText('This file could not be read. It may be damaged, or not a Waymark copy. Nothing was changed.')).toBeVisible();
  await page.goto('my-plan/');
  await expect(page.locator('.plan__text')).toHaveText('Mine already');
});

test('a passphrase lock: no plaintext at rest, wrong refused, unlocked once for the session, and "Lock" hides the words at once', async ({ page }) => {
  await page.setViewportSize({ width: 768, height: 1024 }); // a tablet, shared
  await write(page, 'Private words about my week');
  await page.goto('my-plan/');
  await expect(page.getByText('if you forget the passphrase, no one can get your words back')).toBeVisible();
  await page.getByLabel('New passphrase').fill('kettle on the hob');
  await page.getByLabel('Type it again').fill('kettle on the hob');
  await page.getByRole('button', { name: 'Lock my words' }).click();
  // Locked at once, on the page that is open: no words on the screen.
  await expect(page.getByText('Your words are locked')).toBeVisible();
  await expect(page.locator('.plan__text')).toHaveCount(0);

  const stored = await storageContents(page);
  expect(stored.records).not.toBe('');
  expect(JSON.stringify(stored)).not.toContain('Private words');

  await page.reload();
  await expect(page.getByText('Your words are locked')).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel('Passphrase').fill('wrong guess');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'That passphrase did not work' })).toBeVisible();
  // On a slow phone (CPU 8× slower), the next page opened the moment the words show.
  const devtools = await page.context().newCDPSession(page);
  await devtools.send('Emulation.setCPUThrottlingRate', { rate: 8 });
  await page.getByLabel('Passphrase').fill('kettle on the hob');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.locator('.plan__text')).toHaveText('Private words about my week');

  // Unlocked once: the next pages of this browsing session open without asking again.
  await page.goto(reflectionStep);
  await page.locator('.tool').first().scrollIntoViewIfNeeded(); // tools wake up when they come into view
  await expect(page.getByRole('textbox', { name: prompt })).toHaveValue('Private words about my week', { timeout: 15_000 });
  await devtools.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  await page.goto('my-plan/');
  await expect(page.locator('.plan__text')).toHaveText('Private words about my week');
  await page.goto('end-session/');
  await expect(page.locator('.end-session')).toContainText('Private words about my week');
  await expect(page.getByRole('img', { name: 'QR code that carries your words to your phone' })).toBeVisible();
  await expect(page.getByLabel('Passphrase', { exact: true })).toHaveCount(0);

  // "Lock now" on the open End the session page: the words and the QR code go at once.
  await page.getByRole('button', { name: 'Lock now' }).click();
  await expect(page.getByText('Your words are locked')).toBeVisible();
  await expect(page.getByText('Private words about my week')).toHaveCount(0);
  await expect(page.getByRole('img', { name: 'QR code that carries your words to your phone' })).toHaveCount(0);
  // And the next page asks again: locking ended the browsing session's unlock.
  await page.goto(reflectionStep);
  await page.locator('.tool').first().scrollIntoViewIfNeeded();
  await expect(page.getByLabel('Passphrase')).toBeVisible();
  const left = await storageContents(page);
  expect(JSON.stringify(left)).not.toContain('Private words');
  expect(left.databases).not.toContain('waymark-unlock'); // neither half of the session's key is left
  expect(left.sessionStorage).not.toContain('waymark.unlocked');
});

test('a guest session leaves nothing behind', async ({ page }) => {
  await page.goto('');
  await page.getByRole('button', { name: 'Start a guest session' }).click();
  await expect(page.getByText('Guest session. Nothing is kept after it ends.')).toBeVisible();
  await write(page, 'Only for this visit');
  await expect(page.getByRole('status').filter({ hasText: 'Kept until the guest session ends' })).toBeVisible();
  await page.goto('my-plan/');
  await expect(page.locator('.plan__text')).toHaveText('Only for this visit');
  await page.getByRole('button', { name: 'End guest session' }).click();
  await page.getByRole('button', { name: 'End it now' }).click();
  await expect(page.getByRole('button', { name: 'Start a guest session' })).toBeVisible();
  const left = await storageContents(page);
  expect(left.databases).not.toContain('waymark');
  expect(left.localStorage).toEqual([]);
  expect(left.sessionStorage).toEqual(['waymark.tab']); // only "this tab has shown a page": no words
  await page.goto('my-plan/');
  await expect(page.getByText('Nothing here yet.')).toBeVisible();
});

test('Remind me makes a calendar file that an iCalendar library reads', async ({ page }, testInfo) => {
  await page.goto('my-plan/');
  await page.getByLabel('How often').selectOption('weekly');
  await page.getByLabel('Day').selectOption('TU');
  await page.getByLabel('Time').fill('10:30');
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Make the reminder' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('waymark-reminder.ics');
  const file = testInfo.outputPath('reminder.ics');
  await download.saveAs(file);
  const event = new ICAL.Event(new ICAL.Component(ICAL.parse(readFileSync(file, 'utf8'))).getFirstSubcomponent('vevent')!);
  expect(event.summary).toBe('Time for Waymark');
  expect(event.startDate.toString()).toMatch(/T10:30:00$/);
  expect(event.startDate.dayOfWeek()).toBe(ICAL.Time.TUESDAY);
  expect((event.component.getFirstPropertyValue('rrule') as ICAL.Recur).freq).toBe('WEEKLY');
  expect(event.description).toContain(new URL(page.url()).origin);
});
