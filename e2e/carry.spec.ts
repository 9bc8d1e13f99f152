/**
 * Words carried in a QR link, in Chromium against the real build: links that would expand to far
 * more than any plan are refused plainly and quickly, and the tab lives on; the link leaves the
 * address bar as soon as the page has it, on a locked device too (held in the page until unlock);
 * and a browser that keeps nothing, or only for a guest session, says so before anything is added.
 */
import { expect, type Page, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import { carryUrl, maxCarryPayloadLength } from '../src/device/carry';
import type { ExportDocument } from '../src/device/transfer';
import { lzBomb } from '../tests/lz-bomb';
import { expectNoAxeViolations } from './built-site';

const tooBig = 'This file is too big to be a Waymark copy. Nothing was changed.';
const reflectionStep = 'modules/getting-started/alone-or-with-a-worker/';

const carried: ExportDocument = {
  format: 'waymark-export',
  version: 1,
  exportedAt: '2026-01-01T00:00:00.000Z',
  records: [{ id: 'how-i-want-to-use-waymark', module: 'getting-started', kind: 'reflection', updatedAt: 1, value: { text: 'Carried from the tablet' } }],
};
/** A link as the End the session page makes it, relative to the site. */
const link = async () => await carryUrl(carried, 'bring-back/');
const bombLink = (bytes: number) => `bring-back/#wm1=${deflateRawSync(Buffer.alloc(bytes, 'a'), { level: 9 }).toString('base64url')}`;

/** Opened, refused with the plain message soon after the page loads, and the tab still answers and moves on. */
async function expectRefusedAndAlive(page: Page, address: string) {
  await page.goto(address); // a long address takes a moment to load on a busy machine: not counted
  const loaded = Date.now();
  await expect(page.getByRole('status')).toHaveText(tooBig, { timeout: 15_000 });
  expect(Date.now() - loaded, 'refused quickly').toBeLessThan(5_000); // today's code: a crash, or seconds of work
  expect(await page.evaluate(() => document.title)).toMatch(/Bring your words/);
  expect(new URL(page.url()).hash).toBe('');
  await page.getByRole('link', { name: 'My plan' }).last().click();
  await expect(page).toHaveURL(/\/my-plan\/$/);
}

test('a 261 kB old-format link is refused plainly, at once, and the tab lives on', async ({ page }) => {
  const bomb = lzBomb(101_000); // would expand to over 5 billion characters
  expect(bomb.length).toBeGreaterThan(261_000);
  await expectRefusedAndAlive(page, `bring-back/#carry=${bomb}`);
});

test('deflate bombs are refused plainly: one that fits a QR code, and a long one', async ({ page }) => {
  const small = bombLink(1024 * 1024); // 1 MB of one letter: short enough to be expanded, and stopped part-way
  expect(small.split('#wm1=')[1]!.length).toBeLessThanOrEqual(maxCarryPayloadLength);
  await expectRefusedAndAlive(page, small);
  await expectRefusedAndAlive(page, bombLink(200 * 1024 * 1024)); // 200 MB in about 270 kB
});

test('the link leaves the address bar and this history entry as soon as the page has read it', async ({ page }) => {
  await page.goto(await link());
  await expect(page.getByText('New answers to add: 1')).toBeVisible();
  expect(new URL(page.url()).hash).toBe('');
  expect(await page.evaluate(() => location.href)).not.toContain('#'); // the history entry itself, not only the bar
  // The words themselves, under their question, before anything is added: not only a count.
  const preview = page.getByRole('region', { name: 'Bring back a copy' });
  await expect(preview).toContainText('Would you like to try Waymark on your own, with someone, or both?');
  await expect(preview.getByRole('listitem').filter({ hasText: 'Carried from the tablet' })).toBeVisible();
  await page.getByRole('button', { name: 'Add the answers' }).click();
  await expect(page.getByText('Your words are on this device now.')).toBeVisible();
  await page.goto('my-plan/');
  await expect(page.locator('.plan__text')).toHaveText('Carried from the tablet');
});

test('many carried answers: the first twenty in words, then how many more', async ({ page }) => {
  const records = Array.from({ length: 23 }, (_, index) => ({
    id: `answer-${index + 1}`,
    module: 'getting-started',
    kind: 'reflection' as const,
    updatedAt: 1,
    value: { text: `Words number ${index + 1}` },
  }));
  await page.goto(await carryUrl({ ...carried, records }, 'bring-back/'));
  await expect(page.getByText('New answers to add: 23')).toBeVisible();
  const preview = page.getByRole('region', { name: 'Bring back a copy' });
  await expect(preview.getByRole('listitem').filter({ hasText: /^Words number/ })).toHaveCount(20);
  await expect(preview).toContainText('And 3 more answers.');
});

test('on a locked device the link leaves the address bar, and the words wait in the page until unlock', async ({ page }) => {
  await page.goto(reflectionStep);
  const box = page.getByRole('textbox', { name: /on your own, with someone, or both/ });
  await box.scrollIntoViewIfNeeded();
  await expect(box).toBeEditable();
  await box.fill('Mine, locked');
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  await page.goto('my-plan/');
  await page.getByLabel('New passphrase').fill('kettle on the hob');
  await page.getByLabel('Type it again').fill('kettle on the hob');
  await page.getByRole('button', { name: 'Lock my words' }).click();
  await expect(page.getByText('Your words are now locked with your passphrase.')).toBeVisible();

  await page.goto(await link()); // a new page: the device opens locked
  await expect(page.getByText('Your words are locked')).toBeVisible();
  await expect(page.getByText('This link holds words. Unlock to see them.')).toBeVisible();
  expect(new URL(page.url()).hash).toBe('');
  expect(await page.evaluate(() => location.href)).not.toContain('#');

  await page.getByLabel('Passphrase').fill('kettle on the hob');
  await page.getByRole('button', { name: 'Unlock' }).click();
  // The link's answer is for the same tool as the one written here: it would replace it.
  await expect(page.getByText('Answers here that the file would change: 1')).toBeVisible();
  await page.getByRole('button', { name: "Add new answers and use the file's versions" }).click();
  await expect(page.getByText('Your words are on this device now.')).toBeVisible();
  await page.goto('my-plan/');
  await page.getByLabel('Passphrase').fill('kettle on the hob');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.locator('.plan__text')).toHaveText('Carried from the tablet');
});

test.describe('a browser that keeps nothing', () => {
  test.beforeEach(async ({ context }) => {
    // As some private windows do: no IndexedDB, and localStorage refuses every write.
    await context.addInitScript(() => {
      IDBFactory.prototype.open = () => {
        throw new DOMException('Blocked', 'InvalidStateError');
      };
      Storage.prototype.setItem = () => {
        throw new DOMException('Blocked', 'QuotaExceededError');
      };
    });
  });

  test('says so before adding, offers a file, and does not promise the device keeps them', async ({ page }) => {
    await page.goto(await link());
    await expect(page.getByText('New answers to add: 1')).toBeVisible();
    await expect(page.getByRole('note')).toHaveText(/This browser is not keeping anything for Waymark/);
    await expect(page.getByRole('note')).toContainText('they will be here only until you leave this page');
    await expectNoAxeViolations(page);

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Save them to a file' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^waymark-my-plan-\d{4}-\d{2}-\d{2}\.json$/);
    const saved = JSON.parse(readFileSync(await file.path(), 'utf8')) as ExportDocument;
    expect(saved.records[0]?.value).toEqual({ text: 'Carried from the tablet' });

    await page.getByRole('button', { name: 'Add the answers' }).click();
    await expect(page.getByText('Your words are on this page for now.')).toBeVisible();
    await expect(page.getByText('Your words are on this device now.')).toHaveCount(0);
  });
});

test('in a guest session, the page says the words are kept only until it ends', async ({ page }) => {
  await page.goto('');
  await page.getByRole('button', { name: 'Start a guest session' }).click();
  await expect(page.getByText('Guest session. Nothing is kept after it ends.')).toBeVisible();
  await page.goto(await link());
  await expect(page.getByRole('note')).toHaveText('This is a guest session. If you add these words, they are kept only until the guest session ends.');
  await page.getByRole('button', { name: 'Add the answers' }).click();
  await expect(page.getByText('Your words are here until the guest session ends.')).toBeVisible();
});
