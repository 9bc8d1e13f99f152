/**
 * Words carried in a QR link, in Chromium against the real build: links that would expand to far
 * more than any plan are refused plainly and quickly, and the tab lives on; the link leaves the
 * address bar as soon as the page has it, on a locked device too (held in the page until unlock);
 * and a browser that keeps nothing, or only for a guest session, says so before anything is added.
 */
import { type Browser, expect, type Page, test } from '@playwright/test';
import jsQR from 'jsqr';
import { readFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import { deflateRawSync } from 'node:zlib';
import { carryUrl, carryUrls, maxCarryPayloadLength } from '../src/device/carry';
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
  await expect(page.getByText('Your words are locked')).toBeVisible();

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
  await page.goto('my-plan/'); // unlocked once: the next page does not ask again
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

/** Plain, varied sentences, so the compressed words are as long as a real person's would be. */
const sentences = [
  'On hard days I take the dog for a long walk by the river and ring my sister in the evening.',
  'Sleep helps, so I keep the same bedtime and leave my phone in the kitchen at night.',
  'When the voices get loud I put music on, sit with a cup of tea, and remind myself that they pass.',
  'My worker and I agreed I will go to the Tuesday group and tell them when things start to slip.',
  'Cooking a proper meal, even something small like beans on toast, makes the day feel more normal.',
  'Early signs for me are not opening letters, staying up late, and snapping at my mum over little things.',
  'If I notice two of those in a week I will text Sam and book a chat with the team before it gets worse.',
  'Things that give me hope: my allotment, the cat next door, painting on Sunday mornings, and my nephew.',
  'I want people to know that I still like to be asked what I think, even when I am unwell and slow to answer.',
  'Medication makes me tired in the mornings, so appointments after eleven work much better for me.',
  'The crisis line number is on the fridge; my neighbour Joan has a spare key and checks if the curtains stay shut.',
  'Last spring I managed three months of volunteering at the charity shop and I felt proud of myself.',
  'Noise on the bus can be too much, so I carry headphones and sit near the front where I can get off.',
  'Writing things down at night stops them going round my head, and reading it back shows how far I have come.',
  'Seeing friends at the café on Fridays keeps me going, even if I only stay for half an hour.',
  'I would like my team to ask me before changing my tablets, and to explain the side effects in plain words.',
];
const reflections = ['how-i-want-to-use-waymark', 'small-thing-that-helped', 'what-got-me-through', 'something-i-want-to-do', 'one-small-step-to-connect'];
/** Five answers of about `length` characters each, each starting with a word to find it by. */
function fiveAnswers(length: number): ExportDocument {
  const records = reflections.map((id, index) => {
    let text = `Answer ${index + 1}.`;
    for (let k = index * 3; text.length < length; k++) text += ` ${sentences[k % sentences.length]}`;
    return { id, module: 'getting-started', kind: 'reflection' as const, updatedAt: Date.now(), value: { text: text.slice(0, length) } };
  });
  return { ...carried, records };
}

const textOf = (document: ExportDocument) => document.records.map((record) => (record.value as { text: string }).text);

/** On the tablet, at device scale 1: the answers brought in from a file, then every code End the session shows, read by jsQR. */
async function codesOnTablet(browser: Browser, baseURL: string, document: ExportDocument) {
  const tablet = await browser.newContext({ baseURL, viewport: { width: 768, height: 1024 }, deviceScaleFactor: 1 });
  const page = await tablet.newPage();
  await page.goto('my-plan/');
  const file = { name: 'copy.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(document)) };
  await page.getByLabel('Choose a Waymark file').setInputFiles(file);
  await page.getByRole('button', { name: 'Add the answers' }).click();
  await expect(page.getByText('Done. 5 answers were brought back.')).toBeVisible();
  await page.goto('end-session/');
  const code = page.getByRole('img', { name: /QR code/ });
  await expect(code).toBeVisible();
  const counter = page.getByText(/^Code \d+ of \d+$/);
  const count = (await counter.count()) === 0 ? 1 : Number((await counter.textContent())!.split(' of ')[1]);
  if (count > 1) await expectNoAxeViolations(page); // the numbered codes and their buttons
  const links: string[] = [];
  const measured: Array<{ version: number; modulePx: number }> = [];
  for (let index = 0; index < count; index++) {
    if (index > 0) {
      await page.getByRole('button', { name: 'Next code' }).click();
      await expect(page.getByText(`Code ${index + 1} of ${count}`)).toBeVisible();
    }
    await code.scrollIntoViewIfNeeded();
    const modules = Number((await code.getAttribute('viewBox'))!.split(' ')[2]) - 8; // less the quiet zone
    const drawn = await code.evaluate((svg) => svg.getBoundingClientRect().width - svg.clientLeft * 2); // less the border
    measured.push({ version: (modules - 17) / 4, modulePx: drawn / (modules + 8) });
    const png = PNG.sync.read(await code.screenshot());
    const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
    links.push(decoded?.data ?? '');
  }
  const report = measured.map(({ version, modulePx }) => `version ${version}, ${modulePx.toFixed(2)} px a module`).join('; ');
  console.log(`${document.records.length} answers of ${textOf(document)[0]!.length} characters: ${count} code(s): ${report}`);
  // What a phone camera needs, beyond what jsQR reads from a perfect screenshot (it read the old version 27 at 2.4 px).
  expect(
    measured.every(({ version, modulePx }) => version <= 20 && modulePx >= 4),
    report,
  ).toBe(true);
  await tablet.close();
  return links;
}

/** My plan holds every carried answer, word for word (in My plan's own order). */
async function expectAllFive(page: Page, document: ExportDocument) {
  await page.goto('my-plan/');
  await expect(page.locator('.plan__text')).toHaveCount(document.records.length);
  expect((await page.locator('.plan__text').allTextContents()).sort()).toEqual(textOf(document).sort());
}

test.describe('QR codes a phone reads at 1×, at tablet size', () => {
  test('five answers of 300 characters: every code read at device scale 1 brings all five to a fresh phone', async ({ browser, baseURL }) => {
    const document = fiveAnswers(300);
    const links = await codesOnTablet(browser, baseURL!, document);
    expect(
      links.every((link) => /\/bring-back\/#wm1=/.test(link)),
      `every code read: ${links.length} code(s)`,
    ).toBe(true);

    const phone = await browser.newContext({ baseURL: baseURL! });
    const page = await phone.newPage();
    for (const [at, link] of links.entries()) {
      await page.goto(link);
      if (at < links.length - 1) await expect(page.getByText(`${at + 1} of ${links.length} scanned. Scan the next code.`)).toBeVisible();
    }
    await expect(page.getByText('New answers to add: 5')).toBeVisible();
    await page.getByRole('button', { name: 'Add the answers' }).click();
    await expect(page.getByText('Your words are on this device now.')).toBeVisible();
    await expectAllFive(page, document);
    await phone.close();
  });

  test('five answers of 660 characters: numbered codes, joined only when all are in, nothing added before the yes', async ({ browser, baseURL }) => {
    const document = fiveAnswers(660);
    const links = await codesOnTablet(browser, baseURL!, document);
    expect(links.length, 'more than one code').toBeGreaterThanOrEqual(2);
    expect(
      links.every((link) => /\/bring-back\/#wm1=/.test(link)),
      'every code read',
    ).toBe(true);

    const phone = await browser.newContext({ baseURL: baseURL! });
    const page = await phone.newPage();
    const plan = await phone.newPage();
    const last = links.length;
    await page.goto(links[last - 1]!); // out of order: the last first
    await expect(page.getByText(`1 of ${last} scanned. Scan the next code.`)).toBeVisible();
    await expect(page.getByText(`Still to scan: ${Array.from({ length: last - 1 }, (_, i) => i + 1).join(', ')}`)).toBeVisible();
    await page.goto(links[last - 1]!); // the same code twice
    await expect(page.getByText(`You have scanned code ${last} already.`)).toBeVisible();
    await expect(page.getByText(`1 of ${last} scanned. Scan the next code.`)).toBeVisible();
    // A code from another hand-over is refused, and what was scanned stays.
    const other = (await carryUrls(fiveAnswers(700), 'bring-back/'))[0]!;
    await page.goto(other);
    await expect(page.getByText('This code is from a different set of codes, so it was not used. Scan the codes from the same screen.')).toBeVisible();
    await expect(page.getByText(`1 of ${last} scanned. Scan the next code.`)).toBeVisible();
    for (const link of links.slice(1, -1)) {
      await page.goto(link);
      await expect(page.getByText(/ scanned\. Scan the next code\.$/)).toBeVisible();
    }
    await plan.goto('my-plan/');
    await expect(plan.locator('.plan__text')).toHaveCount(0); // nothing added part-way
    // As many phones do, the last code opens in a new tab: the first tab passes it what it holds.
    const newTab = await phone.newPage();
    await newTab.goto(links[0]!);
    await expect(newTab.getByText('New answers to add: 5')).toBeVisible();
    await expect(page.getByText('All the codes are in. Your words are waiting in another tab, so you can close this one.')).toBeVisible();
    await plan.goto('my-plan/');
    await expect(plan.locator('.plan__text')).toHaveCount(0); // nothing added before the yes
    await expectNoAxeViolations(newTab);
    await newTab.getByRole('button', { name: 'Add the answers' }).click();
    await expect(newTab.getByText('Your words are on this device now.')).toBeVisible();
    await expectAllFive(plan, document);
    await phone.close();
  });
});
