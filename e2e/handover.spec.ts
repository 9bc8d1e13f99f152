/**
 * The hand-over at the end of a session, in Chromium at tablet size against the real build: what
 * the person is shown is what they tick, and what they tick is exactly what is carried (the file,
 * the readable page, print), in an Arabic interface with answers written in English modules; "what
 * we'll do next" reaches My plan and the take-home; the take-home is a page with no script in
 * which hostile words stay words.
 */
import { expect, type Page, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { ExportDocument } from '../src/device/transfer';
import { expectNoAxeViolations } from './built-site';

test.use({ viewport: { width: 768, height: 1024 } });

/** Two reflections on one English step: the Arabic site has no such module, so Arabic speakers use it. */
const englishStep = 'modules/doing-things-that-matter/small-steps-towards-a-goal/';
const englishPrompts = { want: 'What is one thing you would like to do more of, or try?', step: 'What could be a first tiny step towards it?' };
const arabicStep = 'ar/modules/getting-started/alone-or-with-a-worker/';
const arabicPrompt = 'هل تحب أن تجرّب Waymark وحدك، أم مع شخص آخر، أم الاثنين معًا؟';

async function write(page: Page, prompt: string, text: string) {
  const box = page.getByRole('textbox', { name: prompt });
  await box.scrollIntoViewIfNeeded(); // tools wake up when they come into view
  await expect(box).toBeEditable();
  await box.fill(text);
  const status = page.locator('.tool', { has: box }).locator('.tool__status');
  await expect(status).toHaveText(/\S/); // saving, then saved (in the page's language)
  await expect(status).not.toHaveText(/…/);
}

/** Clicks a button that saves a file, and gives back the file's name and text. */
async function download(page: Page, button: string | RegExp, file: string) {
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: button }).click();
  const saved = await downloading;
  await saved.saveAs(file);
  return { name: saved.suggestedFilename(), text: readFileSync(file, 'utf8') };
}

test('Arabic interface, English-module answers: what is shown is ticked, and only the ticked is carried', async ({ page }, testInfo) => {
  await page.goto(englishStep);
  await write(page, englishPrompts.want, 'Swim on Saturdays');
  await write(page, englishPrompts.step, 'Find my old swimming bag');
  await page.goto(arabicStep);
  await write(page, arabicPrompt, 'مع أختي');

  await page.goto('ar/end-session/');
  const picks = page.getByRole('checkbox');
  await expect(picks).toHaveCount(3); // today's code: only the Arabic answer is shown
  for (const prompt of [englishPrompts.want, englishPrompts.step, arabicPrompt]) await expect(page.getByRole('checkbox', { name: prompt })).toBeChecked();
  // Words from an English module say so, and are marked as English for screen readers and fonts.
  const swim = page.locator('[lang="en"]', { hasText: 'Swim on Saturdays' });
  await expect(swim).toHaveAttribute('dir', 'ltr');
  await expect(page.locator('.handover__item', { hasText: 'Swim on Saturdays' })).toContainText('الإنجليزية');

  await expectNoAxeViolations(page); // right to left, with English answers and their ticks
  await page.getByRole('checkbox', { name: englishPrompts.step }).uncheck();
  const carried = ['how-i-want-to-use-waymark', 'something-i-want-to-do'];

  const copy = await download(page, 'حفظ نسخة في ملف', testInfo.outputPath('copy.json'));
  const document = JSON.parse(copy.text) as ExportDocument;
  expect(document.records.map((record) => record.id).sort()).toEqual(carried);

  const readable = await download(page, 'احفظ صفحة يمكنك قراءتها', testInfo.outputPath('take-home.html'));
  expect(readable.name).toMatch(/\.html$/);
  for (const words of ['Swim on Saturdays', 'مع أختي', englishPrompts.want]) expect(readable.text).toContain(words);
  expect(readable.text).not.toContain('Find my old swimming bag');
  expect(readable.text).toMatch(/<html lang="ar" dir="rtl">/);

  // On paper: the unticked answer is left out, the ticked ones are there.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByText('Find my old swimming bag')).toBeHidden();
  await expect(page.getByText('Swim on Saturdays')).toBeVisible();
  await page.emulateMedia({ media: 'screen' });

  // My plan in Arabic shows every answer, the English ones labelled as English.
  await page.goto('ar/my-plan/');
  for (const words of ['Swim on Saturdays', 'Find my old swimming bag', 'مع أختي']) await expect(page.getByText(words)).toBeVisible();
  await expect(page.locator('[lang="en"]', { hasText: 'Find my old swimming bag' })).toHaveAttribute('dir', 'ltr');
  await expect(page.locator('.plan__language').first()).toHaveText('الإنجليزية');
  await expectNoAxeViolations(page);
});

test('what we will do next: saved on End the session, in My plan with its date, and in a take-home page with no script', async ({ page }, testInfo) => {
  const hostile = '<script>document.title="hacked"</script><img src=x onerror="document.title=\'hacked\'">';
  await page.goto(englishStep);
  await write(page, englishPrompts.want, hostile);

  await page.goto('end-session/');
  const next = page.getByRole('region', { name: "What we'll do next" });
  await next.getByRole('button', { name: 'Save this step' }).click();
  await expect(next.getByText("Write what you'll do next first.")).toBeVisible(); // the person's words are needed
  await next.getByRole('textbox', { name: "What I'll do next" }).fill('Call my sister on Sunday');
  await next.getByRole('textbox', { name: 'A line from your worker (optional)' }).fill('I will ring on Tuesday to see how it went');
  await next.getByRole('button', { name: 'Save this step' }).click();
  await expect(next.getByText('Call my sister on Sunday')).toBeVisible();
  // Part of the hand-over: listed with a tick like every answer.
  await expect(page.getByRole('checkbox', { name: "What we'll do next" })).toBeChecked();

  const readable = await download(page, 'Save a page you can read', testInfo.outputPath('take-home.html'));
  const today = new Intl.DateTimeFormat('en', { dateStyle: 'long' }).format(new Date());
  const home = await page.context().newPage();
  const requests: string[] = [];
  home.on('request', (request) => requests.push(request.url()));
  await home.goto(pathToFileURL(testInfo.outputPath('take-home.html')).href);
  await expect(home.locator('html')).toHaveAttribute('lang', 'en');
  await expect(home.locator('body')).toContainText('Call my sister on Sunday');
  await expect(home.locator('body')).toContainText('I will ring on Tuesday to see how it went');
  await expect(home.locator('body')).toContainText(today);
  await expect(home.getByText(hostile)).toBeVisible(); // the markup shows as the words typed
  expect(await home.locator('script, img').count()).toBe(0);
  expect(await home.title()).not.toBe('hacked');
  expect(readable.text).not.toMatch(/<(script|img|link|iframe|object)\b/i);
  expect(requests.filter((url) => !url.startsWith('file:'))).toEqual([]);
  await home.close();

  await page.goto('my-plan/');
  const section = page.getByRole('region', { name: "What we'll do next" });
  await expect(section).toContainText('Call my sister on Sunday');
  await expect(section).toContainText(today);
});
