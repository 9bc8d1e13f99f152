/**
 * The tools and My plan, in Chromium with real IndexedDB: what a person writes stays, builds up,
 * follows them between tabs, travels in a file and comes back, and is never silently lost.
 */
import { expect, type Page, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { filesIn } from '../src/integration/built-files';
import { toolKindList } from '../src/tools/registry';
import { expectNoAxeViolations } from './built-site';

const steps = {
  checkIn: 'modules/getting-started/what-waymark-is/',
  reflection: 'modules/getting-started/alone-or-with-a-worker/',
  hope: 'modules/hope-and-recovery/small-signs-of-hope/',
  choices: 'modules/hope-and-recovery/what-recovery-can-mean/',
};

/** The tools hydrate when visible: scroll to one and wait until it is interactive. */
async function reflectionBox(page: Page, name: string | RegExp) {
  const box = page.getByRole('textbox', { name });
  await box.scrollIntoViewIfNeeded();
  await expect(box).toBeEditable();
  return box;
}

test('a reflection is saved as you type and is still there after a reload', async ({ page }) => {
  await page.goto(steps.reflection);
  const box = await reflectionBox(page, /on your own, with someone, or both/);
  await box.fill('With my worker first, then on my own.');
  await expect(page.getByRole('status').filter({ hasText: 'Saved on this device' })).toBeVisible();
  await page.reload();
  await expect(await reflectionBox(page, /on your own, with someone, or both/)).toHaveValue('With my worker first, then on my own.');
});

test('words typed just before leaving the page are not lost', async ({ page }) => {
  await page.goto(steps.reflection);
  await (await reflectionBox(page, /on your own/)).pressSequentially('Typed, then straight to the next page');
  await page.getByRole('link', { name: /^Next: / }).click(); // before the pause that triggers a save
  await page.goto(steps.reflection);
  await expect(await reflectionBox(page, /on your own/)).toHaveValue('Typed, then straight to the next page');
});

test('user text is shown as text, never as markup', async ({ page }) => {
  const attack = '<img src=x onerror="document.title=\'pwned\'"><b>bold</b>';
  await page.goto(steps.reflection);
  await (await reflectionBox(page, /on your own/)).fill(attack);
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  await page.goto('my-plan/');
  await expect(page.locator('.plan__text')).toHaveText(attack);
  await expect(page.locator('.plan__text b')).toHaveCount(0);
  expect(await page.title()).not.toBe('pwned');
});

test('checklist, choices and plan list work by keyboard and show in My plan', async ({ page }) => {
  await page.goto(steps.hope);
  const laughing = page.getByRole('checkbox', { name: 'Laughing at something' });
  await laughing.scrollIntoViewIfNeeded();
  await expect(laughing).toBeEnabled();
  await laughing.focus();
  await page.keyboard.press('Space');
  await expect(laughing).toBeChecked();

  const walk = page.getByRole('button', { name: 'Going for a short walk' });
  await walk.scrollIntoViewIfNeeded();
  await expect(walk).toBeEnabled();
  await walk.focus();
  await page.keyboard.press('Enter');
  const planTool = page.locator('#tool-what-helps-me');
  await planTool.getByLabel('Add your own').fill('Feeding the cat');
  await page.keyboard.press('Enter');
  await expect(planTool.getByRole('listitem').filter({ hasText: 'Feeding the cat' })).toBeVisible();
  await expect(planTool.getByRole('button', { name: 'Remove: Feeding the cat' })).toBeVisible();

  await page.goto(steps.choices);
  const card = page.getByRole('button', { name: 'Having a say in my life and care' });
  await card.scrollIntoViewIfNeeded();
  await expect(card).toBeEnabled();
  await card.focus();
  await page.keyboard.press('Enter');
  await expect(card).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('status').filter({ hasText: 'Saved on this device' })).toBeVisible();

  await page.goto('my-plan/');
  const plan = page.locator('.plan');
  await expect(plan.getByRole('heading', { name: 'What helps me' })).toBeVisible();
  await expect(plan.getByText('Feeding the cat')).toBeVisible();
  await expect(plan.getByText('Going for a short walk')).toBeVisible();
  await expect(plan.getByText('Laughing at something')).toBeVisible();
  await expect(plan.getByText('Having a say in my life and care')).toBeVisible();
  await expectNoAxeViolations(page);

  await plan.getByRole('link', { name: /Change this answer\s*: Which of these feels most important/ }).click();
  await expect(page).toHaveURL(/what-recovery-can-mean\/#tool-what-matters-in-recovery$/);
});

test('check-ins on several days build a chart and a table in My plan', async ({ page }) => {
  const answer = async (day: string, mood: string, sleep: string) => {
    await page.clock.setFixedTime(new Date(`${day}T10:00:00`));
    await page.goto(steps.checkIn);
    const moodGroup = page.getByRole('group', { name: 'How has your mood been?' });
    await moodGroup.scrollIntoViewIfNeeded();
    await expect(moodGroup.getByRole('radio', { name: mood, exact: true })).toBeEnabled();
    await moodGroup.getByRole('radio', { name: mood, exact: true }).check();
    await page.getByRole('group', { name: 'How have you been sleeping?' }).getByRole('radio', { name: sleep, exact: true }).check();
    await expect(page.getByRole('status').filter({ hasText: 'Saved on this device' })).toBeVisible();
  };
  await answer('2026-11-03', 'Hard', 'Okay');
  await answer('2026-11-10', 'Okay', 'Okay');
  await answer('2026-11-17', 'Good', 'Very good');
  // Answering again on the same day changes that day's answer.
  await answer('2026-11-17', 'Very good', 'Very good');

  await expect(page.getByRole('table', { name: 'Your answers so far' }).getByRole('row')).toHaveCount(3); // header + 2 earlier days

  await page.goto('my-plan/');
  const moodTable = page.getByRole('table', { name: 'How has your mood been?' });
  await expect(moodTable.getByRole('row')).toHaveCount(4);
  await expect(moodTable.getByRole('row').nth(1)).toContainText('Hard');
  await expect(moodTable.getByRole('row').nth(3)).toContainText('Very good');
  const chart = page.getByRole('img', { name: 'How has your mood been?: your answers over time' });
  await expect(chart).toBeVisible();
  await expect(chart.locator('circle')).toHaveCount(3);
  await expectNoAxeViolations(page);
});

test('My plan prints clean and dated, without the site around it or the data controls', async ({ page }) => {
  await page.goto(steps.reflection);
  await (await reflectionBox(page, /on your own/)).fill('For the printout');
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  await page.goto('my-plan/');
  await expect(page.locator('.plan__text')).toHaveText('For the printout');
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByText(/^Printed on /)).toBeVisible();
  await expect(page.getByRole('banner')).toBeHidden();
  await expect(page.getByRole('button', { name: 'Save a copy to a file' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Print my plan' })).toBeHidden();
  await expect(page.locator('.plan__text')).toBeVisible();
});

test('after a story, a gentle reflection that My plan gathers under Stories', async ({ page }) => {
  await page.goto('stories/the-guitar-under-the-bed/');
  const box = await reflectionBox(page, /What stood out for you in this story\?/);
  await box.fill('The guitar under the bed, waiting');
  await expect(page.getByRole('status').filter({ hasText: 'Saved on this device' })).toBeVisible();
  await page.goto('my-plan/');
  const stories = page.getByRole('region', { name: 'Stories' });
  await expect(stories.locator('.plan__text')).toHaveText('The guitar under the bed, waiting');
  await expect(stories.getByRole('link', { name: /Change this answer/ })).toHaveAttribute(
    'href',
    /\/stories\/the-guitar-under-the-bed\/#tool-story-the-guitar-under-the-bed$/,
  );
});

test('two tabs stay in step', async ({ context }) => {
  const tabA = await context.newPage();
  const tabB = await context.newPage();
  await tabA.goto(steps.reflection);
  await tabB.goto(steps.reflection);
  const boxB = await reflectionBox(tabB, /on your own/);
  await (await reflectionBox(tabA, /on your own/)).fill('Typed in the first tab');
  await expect(tabA.getByRole('status').filter({ hasText: 'Saved on this device' })).toBeVisible();
  await expect(boxB).toHaveValue('Typed in the first tab');
});

test('two tabs editing the same answer: the person chooses, nothing is overwritten silently', async ({ context }) => {
  const tabA = await context.newPage();
  const tabB = await context.newPage();
  // Each tab's clock is held, so both have typed before either saves, however busy the machine.
  await Promise.all([tabA.clock.install(), tabB.clock.install()]);
  await tabA.goto(steps.reflection);
  await tabB.goto(steps.reflection);
  const boxA = await reflectionBox(tabA, /on your own/);
  const boxB = await reflectionBox(tabB, /on your own/);
  // Both type before either has saved: the tab that saves second must not overwrite.
  await Promise.all([boxA.fill('Words from A'), boxB.fill('Words from B')]);
  await Promise.all([tabA.clock.resume(), tabB.clock.resume()]);
  // Two writes and a message between the tabs: on a busy machine this takes more than a moment.
  await expect.poll(async () => (await tabA.getByRole('alert').count()) + (await tabB.getByRole('alert').count()), { timeout: 20_000 }).toBe(1);
  const [asked, other, askedBox, otherBox, mine, theirs] = (await tabA.getByRole('alert').count())
    ? [tabA, tabB, boxA, boxB, 'Words from A', 'Words from B']
    : [tabB, tabA, boxB, boxA, 'Words from B', 'Words from A'];
  await expect(asked.getByRole('alert')).toContainText('also changed in another tab');
  await expect(askedBox).toHaveValue(mine);
  await expect(asked.locator('.tool__other-version')).toHaveText(theirs);
  await expect(otherBox).toHaveValue(theirs);
  await asked.getByRole('button', { name: 'Keep what is here' }).click();
  await expect(asked.getByRole('alert')).toHaveCount(0);
  await expect(otherBox).toHaveValue(mine);
  await expect(other.getByRole('alert')).toHaveCount(0);
});

test('save a copy, forget everything, bring the copy back', async ({ page }, testInfo) => {
  await page.goto(steps.reflection);
  await (await reflectionBox(page, /on your own/)).fill('Keep this safe');
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();

  await page.goto('my-plan/');
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save a copy to a file' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^waymark-my-plan-\d{4}-\d{2}-\d{2}\.json$/);
  const file = testInfo.outputPath('copy.json');
  await download.saveAs(file);
  expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ format: 'waymark-export', version: 1, records: [{ value: { text: 'Keep this safe' } }] });

  await page.getByRole('button', { name: 'Forget everything on this device' }).click();
  await expect(page.getByRole('button', { name: 'No, keep it' })).toBeFocused();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Yes, forget everything' }).click();
  await expect(page.getByText('Everything Waymark kept on this device is gone.')).toBeVisible();
  await expect(page.getByText('Nothing here yet.')).toBeVisible();
  // Nothing left behind in any storage.
  expect(await page.evaluate(() => Object.keys(localStorage))).toEqual([]);
  expect(await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name))).not.toContain('waymark');

  await page.getByLabel('Choose a Waymark file').setInputFiles(file);
  await expect(page.getByText('New answers to add: 1')).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Add the answers' }).click();
  await expect(page.getByText('Done. 1 answers were brought back.')).toBeVisible();
  await expect(page.locator('.plan__text')).toHaveText('Keep this safe');
  await page.goto(steps.reflection);
  await expect(await reflectionBox(page, /on your own/)).toHaveValue('Keep this safe');
});

test('a damaged file is rejected and nothing changes', async ({ page }) => {
  await page.goto(steps.reflection);
  await (await reflectionBox(page, /on your own/)).fill('Already here');
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  await page.goto('my-plan/');
  const input = page.getByLabel('Choose a Waymark file');
  await input.setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"waymark-export", "records": [') });
  await expect(page.getByText('This file could not be read. It may be damaged, or not a Waymark copy. Nothing was changed.')).toBeVisible();
  const halfBad = {
    format: 'waymark-export',
    version: 1,
    exportedAt: 'x',
    records: [{ id: 'how-i-want-to-use-waymark', module: 'getting-started', kind: 'reflection', updatedAt: 9e12, value: { text: 42 } }],
  };
  await input.setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(halfBad)) });
  await expect(page.getByText('Part of this file is damaged, so none of it was brought back. Nothing was changed.')).toBeVisible();
  await expect(page.locator('.plan__text')).toHaveText('Already here');
});

test('an import that would replace an answer asks first', async ({ page }) => {
  await page.goto(steps.reflection);
  await (await reflectionBox(page, /on your own/)).fill('Mine, on this device');
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  await page.goto('my-plan/');
  const copy = {
    format: 'waymark-export',
    version: 1,
    exportedAt: '2026-01-01T00:00:00.000Z',
    records: [{ id: 'how-i-want-to-use-waymark', module: 'getting-started', kind: 'reflection', updatedAt: 1, value: { text: 'From an old file' } }],
  };
  await page.getByLabel('Choose a Waymark file').setInputFiles({ name: 'old.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(copy)) });
  await expect(page.getByText('Answers here that the file would change: 1')).toBeVisible();
  await expect(page.getByText('(the version on this device is newer)')).toBeVisible();
  await page.getByRole('button', { name: 'Add new answers, keep mine' }).click();
  await expect(page.locator('.plan__text')).toHaveText('Mine, on this device');
});

// What each storage fallback promises, and keeps, is in e2e/shared-device.spec.ts.

test('progress: opened steps and answered tools show on home and module pages', async ({ page }) => {
  await page.goto(steps.reflection);
  await (await reflectionBox(page, /on your own/)).fill('Both');
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  await page.goto('');
  const card = page.locator('.card').filter({ hasText: 'Getting started' });
  await expect(card).toContainText('Steps opened: 1 of 3');
  await expect(card).toContainText('Tools answered: 1 of 2');
  // Two sentences, kept apart on screen, in the page's text and as a screen reader reads them.
  const line = card.locator('.progress-line');
  for (const text of [await line.innerText(), await line.textContent(), await line.ariaSnapshot()])
    expect(text).toMatch(/Steps opened: 1 of 3( · |\. )Tools answered: 1 of 2/);
  await page.goto('modules/getting-started/');
  await expect(page.getByRole('listitem').filter({ hasText: 'On your own or with a worker' })).toContainText('Opened');
});

test('the build’s checks of the tools are in no script', () => {
  // A kind's definition (its tag, attributes and their messages) is the build's; pages load only
  // what the kinds save (src/tools/values.ts). Its messages are words no script needs.
  const messages = toolKindList.flatMap((kind) => Object.values(kind.attributes).flatMap((attribute) => [attribute.wrong, attribute.fix]));
  expect(messages.length).toBeGreaterThan(0);
  const scripts = filesIn('dist/_astro', ['.js']);
  expect(scripts.length).toBeGreaterThan(0);
  for (const message of messages) {
    const found = scripts.filter((file) => readFileSync(file, 'utf8').includes(message));
    expect(found, `"${message}" is in these scripts`).toEqual([]);
  }
});

test('the heaviest pages load at most 105 kB gzip of JavaScript, every tool awake', async ({ page }) => {
  // Issue 16 asks for 90 kB; React 19's DOM renderer alone is 65.7 kB of it, and the stack is fixed
  // on @astrojs/react (see the closing note of issue 16). This keeps the rest from growing: My plan
  // and End the session carry the most code (the store, the lock, import and export).
  const { gzipSync } = await import('node:zlib');
  for (const path of ['my-plan/', 'end-session/', steps.hope, steps.checkIn]) {
    const scripts = new Set<string>();
    const listener = (request: { resourceType(): string; url(): string }) => {
      if (request.resourceType() === 'script') scripts.add(request.url());
    };
    page.on('request', listener);
    await page.goto(path);
    for (const tool of await page.locator('astro-island').all()) await tool.scrollIntoViewIfNeeded();
    await expect(page.locator('astro-island[ssr]')).toHaveCount(0); // every island has hydrated
    await page.waitForLoadState('networkidle');
    page.off('request', listener);
    let bytes = 0;
    for (const url of scripts) bytes += gzipSync(await (await page.request.get(url)).body()).length;
    for (const inline of await page.locator('script:not([src])').all()) bytes += gzipSync((await inline.textContent()) ?? '').length;
    test.info().annotations.push({ type: `JavaScript gzip, /${path}`, description: `${bytes} bytes in ${scripts.size} files` });
    // Measured: My plan 99 kB; End the session 103 kB, with the QR code's generator (11 kB).
    expect(bytes, `JavaScript on /${path}, gzip`).toBeLessThanOrEqual(105_000);
  }
});

test('the tools’ own JavaScript stays within 22.5 kB gzip beyond the React runtime', async ({ page }) => {
  const { gzipSync } = await import('node:zlib');
  const scriptsOn = async (path: string, wake: boolean) => {
    const scripts = new Set<string>();
    const listener = (request: { resourceType(): string; url(): string }) => {
      if (request.resourceType() === 'script') scripts.add(new URL(request.url()).pathname);
    };
    page.on('request', listener);
    await page.goto(path);
    if (wake) {
      for (const tool of await page.locator('.tool').all()) await tool.scrollIntoViewIfNeeded();
      await expect(page.locator('#tool-what-helps-me').getByLabel('Add your own')).toBeEnabled();
    }
    await page.waitForLoadState('networkidle'); // scripts loaded late (the offline worker's) count too
    page.off('request', listener);
    return scripts;
  };
  // What a step without tools loads anyway (the header controls, progress) is not the tools' own.
  const everyPage = await scriptsOn('modules/getting-started/private-and-at-your-pace/', false);
  await expect(page.locator('astro-island')).toHaveCount(0);
  const toolPage = await scriptsOn(steps.hope, true);
  const renderer = new URL((await page.locator('astro-island').first().getAttribute('renderer-url'))!, page.url()).pathname;
  let own = 0;
  for (const path of toolPage) {
    const isReactRuntime = path === renderer || /\/react\.[\w-]+\.js$/.test(path);
    if (everyPage.has(path) || isReactRuntime) continue;
    const bytes = gzipSync(await (await page.request.get(path)).body()).length;
    console.log(`  ${bytes} ${path}`);
    own += bytes;
  }
  console.log(`tools' own JavaScript on /${steps.hope}: ${own} bytes gzip`);
  // 20 kB until issue 17: keeping owners, guests, tabs and locks apart in the store (cross-tab
  // lock and unlock, sealed names, the journal's conflicts, atomic imports) measured 21.3 kB.
  // 22 kB from issue 14: the built-in "What we'll do next" and an unlock kept for the browsing session.
  // 22.5 kB: two tabs' writes checked and written in one IndexedDB transaction, measured 22.0 kB.
  expect(own).toBeLessThanOrEqual(22_500);
});
