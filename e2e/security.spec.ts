/**
 * Keeping words safe and letting no one in, in Chromium: the Content-Security-Policy refuses
 * nothing the site does (tools used, My plan, a file imported) and the `_headers` file carries the
 * same policy; a hostile import file runs no script; storage faults are told plainly and lose no words.
 */
import { expect, type Page, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { parsePolicy, unionPolicy, metaPolicies } from '../src/integration/security-headers';
import { cspViolations, watch, watchCsp } from './built-site';

const steps = {
  checkIn: 'modules/getting-started/what-waymark-is/',
  reflection: 'modules/getting-started/alone-or-with-a-worker/',
  hope: 'modules/hope-and-recovery/small-signs-of-hope/',
  choices: 'modules/hope-and-recovery/what-recovery-can-mean/',
};

async function reflectionBox(page: Page) {
  const box = page.getByRole('textbox', { name: /on your own/ });
  await box.scrollIntoViewIfNeeded();
  await expect(box).toBeEditable();
  return box;
}

test.describe('Content-Security-Policy', () => {
  for (const dist of ['dist', 'dist-subpath']) {
    test(`${dist}/_headers carries every page's policy, plus the headers a meta tag cannot send`, () => {
      const headers = readFileSync(`${dist}/_headers`, 'utf8');
      const headerPolicy = /Content-Security-Policy: (.*)/.exec(headers)![1]!;
      const header = parsePolicy(headerPolicy);
      const metas = metaPolicies(dist);
      expect(metas.size).toBeGreaterThan(10);
      for (const [file, policy] of metas) {
        for (const [directive, sources] of parsePolicy(policy)) {
          expect(header.get(directive), `${file}: ${directive}`).toEqual(expect.arrayContaining(sources));
          // The same sources, hashes aside: one policy, written in one place.
          const plain = (list: string[]) => list.filter((s) => !s.startsWith("'sha"));
          expect(plain(header.get(directive)!), `${file}: ${directive}`).toEqual(plain(sources));
        }
        expect(policy).not.toContain('unsafe-inline');
        expect(policy).not.toContain("'unsafe-eval'");
      }
      expect(headerPolicy).toBe(unionPolicy(metas.values()));
      expect(header.get('frame-ancestors')).toEqual(["'none'"]);
      for (const line of [
        'Strict-Transport-Security: max-age=',
        'X-Content-Type-Options: nosniff',
        'Referrer-Policy: no-referrer',
        'Permissions-Policy: ',
        'camera=()',
        'microphone=()',
        'geolocation=()',
      ]) {
        expect(headers).toContain(line);
      }
      expect(headers).toContain(dist === 'dist' ? '/_astro/*' : '/waymark/_astro/*');
    });
  }

  test('nothing is refused while the tools and My plan are used', async ({ page }, testInfo) => {
    const { errors, requests } = watch(page);
    await watchCsp(page);
    const seen: string[] = [];
    const check = async () => seen.push(...(await cspViolations(page)).map((v) => `${page.url()}: ${v}`));

    await page.goto(steps.hope);
    const laughing = page.getByRole('checkbox', { name: 'Laughing at something' });
    await laughing.scrollIntoViewIfNeeded();
    await expect(laughing).toBeEnabled();
    await laughing.check();
    const planTool = page.locator('#tool-what-helps-me');
    const addOwn = planTool.getByLabel('Add your own');
    await addOwn.scrollIntoViewIfNeeded();
    await expect(planTool.getByRole('button', { name: 'Add', exact: true })).toBeEnabled();
    await addOwn.fill('Feeding the cat');
    await addOwn.press('Enter');
    await expect(planTool.getByRole('listitem').filter({ hasText: 'Feeding the cat' })).toBeVisible();
    await check();

    await page.goto(steps.checkIn);
    const mood = page.getByRole('group', { name: 'How has your mood been?' });
    await mood.scrollIntoViewIfNeeded();
    await expect(mood.getByRole('radio', { name: 'Good', exact: true })).toBeEnabled();
    await mood.getByRole('radio', { name: 'Good', exact: true }).check();
    await expect(page.getByRole('status').filter({ hasText: 'Saved on this device' }).first()).toBeVisible();
    await check();

    await page.goto(steps.reflection);
    await (await reflectionBox(page)).fill('Words for the plan');
    await expect(page.getByRole('status').filter({ hasText: 'Saved on this device' })).toBeVisible();
    await check();

    await page.goto('my-plan/');
    await expect(page.locator('.plan__text')).toHaveText('Words for the plan');
    await expect(page.getByRole('img', { name: /How has your mood been/ })).toBeVisible();
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Save a copy to a file' }).click();
    const file = testInfo.outputPath('copy.json');
    await (await downloading).saveAs(file);
    await page.getByLabel('Choose a Waymark file').setInputFiles(file);
    await expect(
      page
        .getByText('Nothing new in this file', { exact: false })
        .or(page.getByText('Answers here that the file would change', { exact: false }))
        .or(page.getByRole('status').filter({ hasText: /./ })),
    ).toBeVisible();
    await page.getByRole('button', { name: 'Forget everything on this device' }).click();
    await page.getByRole('button', { name: 'No, keep it' }).click();
    await check();
    await page.goto('stories/going-back-to-the-allotment/');
    const goOn = page.getByText('Go on to the story');
    if (await goOn.count()) await goOn.click();
    await page.getByRole('button', { name: 'Save for offline' }).click();
    await expect(page.getByText('Saved on this device. You can play it with no signal.')).toBeVisible();
    await check();

    expect(seen).toEqual([]);
    expect(errors).toEqual([]);
    const origin = new URL(page.url()).origin;
    expect(requests.filter((url) => !url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:'))).toEqual([]);
  });
});

test('a hostile import file: every string is shown as text, and no script runs', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  await watchCsp(page);
  const attack = (n: number) =>
    [
      `<img src=x onerror="window.__pwned=${n};alert(${n})">`,
      `<script>window.__pwned=${n};alert(${n})</script>`,
      `<svg onload="window.__pwned=${n}">`,
      `<a href="javascript:window.__pwned=${n}">link</a>`,
    ][n % 4]!;
  const file = {
    format: 'waymark-export',
    version: 1,
    exportedAt: '2026-11-26T10:00:00.000Z',
    records: [
      { id: 'how-i-want-to-use-waymark', module: 'getting-started', kind: 'reflection', updatedAt: 10, value: { text: attack(0) } },
      {
        id: 'signs-of-hope-noticed',
        module: 'hope-and-recovery',
        kind: 'checklist',
        updatedAt: 10,
        value: { selected: [attack(1), attack(2)], added: [attack(3)] },
      },
      { id: 'what-helps-me', module: 'hope-and-recovery', kind: 'planlist', updatedAt: 10, value: { items: [attack(4), attack(5)] } },
    ],
    aside: [{ key: attack(6), value: { html: attack(7) } }],
  };
  await page.goto('my-plan/');
  await page
    .getByLabel('Choose a Waymark file')
    .setInputFiles({ name: 'hostile.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
  await page.getByRole('button', { name: 'Add the answers' }).click();
  await expect(page.getByText('Done. 3 answers were brought back.')).toBeVisible();
  await expect(page.locator('.plan__text')).toHaveText(attack(0));
  await expect(page.locator('.plan').getByText(attack(4), { exact: true })).toBeVisible();
  await expect(page.locator('.plan img, .plan script, .plan svg, .plan a[href^="javascript"]')).toHaveCount(0);

  await page.goto(steps.hope);
  await page.locator('#tool-signs-of-hope-noticed').scrollIntoViewIfNeeded();
  const added = page.getByRole('checkbox', { name: attack(3) });
  await added.scrollIntoViewIfNeeded();
  await expect(added).toBeVisible(); // the person's own item, its markup shown as words
  await page.waitForTimeout(500);
  expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(dialogs).toEqual([]);
});

test.describe('storage faults', () => {
  test('a damaged saved answer: My plan says so plainly, and the saved copy still carries it', async ({ page }, testInfo) => {
    await page.goto(steps.reflection);
    await (await reflectionBox(page)).fill('Fine words');
    await expect(page.getByRole('status').filter({ hasText: 'Saved on this device' })).toBeVisible();
    // Plant a record no version of Waymark wrote, straight into IndexedDB.
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('waymark');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const tx = open.result.transaction('records', 'readwrite');
            tx.objectStore('records').put({ id: 'what-stood-out', kind: 'reflection', value: 42, note: 'damaged' }, 'record:what-stood-out');
            tx.oncomplete = () => {
              open.result.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
        }),
    );
    await page.goto('my-plan/');
    await expect(
      page.getByText('1 saved answers could not be read. They are kept aside on this device and included when you save a copy to a file.'),
    ).toBeVisible();
    await expect(page.locator('.plan__text')).toHaveText('Fine words');

    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Save a copy to a file' }).click();
    const file = testInfo.outputPath('copy.json');
    await (await downloading).saveAs(file);
    const copy = JSON.parse(readFileSync(file, 'utf8'));
    expect(copy.aside).toEqual([
      { key: expect.stringMatching(/^aside:\d+:record:what-stood-out$/), value: { id: 'what-stood-out', kind: 'reflection', value: 42, note: 'damaged' } },
    ]);
    expect(copy.records).toEqual([expect.objectContaining({ value: { text: 'Fine words' } })]);
  });

  test('the device is out of space: the person is told, and the words stay on screen', async ({ page }) => {
    // Every write of an answer fails the way a full device fails (the store's own check still works).
    await page.addInitScript(() => {
      const put = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
        if (typeof key === 'string' && key.startsWith('record:')) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return put.call(this, value, key);
      } as typeof put;
    });
    await page.goto(steps.reflection);
    const box = await reflectionBox(page);
    await box.fill('Words on a full phone');
    const status = page.getByRole('status').filter({ hasText: 'Not saved: this device is out of space.' });
    await expect(status).toBeVisible();
    await expect(status).toContainText('Your words are still here.');
    await expect(box).toHaveValue('Words on a full phone');
    // Leaving and coming back: the words were kept aside synchronously as the page closed.
    await page.reload();
    await expect(await reflectionBox(page)).toHaveValue('Words on a full phone');
    await expect(page.getByRole('status').filter({ hasText: 'Not saved: this device is out of space.' })).toBeVisible();
  });
});
