/**
 * The check-in on a small phone, in Chromium with real IndexedDB: a hard answer is met with a calm
 * note and help one tap away, the scale reads in order, and My plan's chart spaces answers by date.
 */
import { expect, type Page, test } from '@playwright/test';
import { expectNoAxeViolations, watch } from './built-site';

const checkInStep = 'modules/getting-started/what-waymark-is/';

test.use({ viewport: { width: 360, height: 740 } });

/** The check-in's first question, awake (it hydrates when it scrolls into view). */
async function moodQuestion(page: Page) {
  const mood = page.getByRole('group', { name: 'How has your mood been?' });
  await mood.scrollIntoViewIfNeeded();
  await expect(mood.getByRole('radio').first()).toBeEnabled();
  return mood;
}

test('a hard answer brings a calm note with help and the person’s plan; a middle one does not', async ({ page }) => {
  await page.goto(checkInStep);
  const mood = await moodQuestion(page);
  const tool = page.locator('#tool-how-things-are');
  const words = "You don't have to get through it alone.";
  const note = tool.getByText(words);
  const help = tool.getByRole('link', { name: 'Get help now' });
  const plan = tool.getByRole('link', { name: /My plan/ });

  await mood.getByRole('radio', { name: 'Okay', exact: true }).check();
  await expect(page.getByRole('status').filter({ hasText: 'Saved on this device' })).toBeVisible();
  await expect(note).toHaveCount(0);
  await expect(help).toHaveCount(0);

  await mood.getByRole('radio', { name: 'Very hard', exact: true }).check();
  await expect(note).toBeVisible();
  await expect(help).toBeVisible();
  await expect(plan).toBeVisible();
  // Told politely, never an alert that interrupts.
  await expect(tool.getByRole('alert')).toHaveCount(0);
  await expect(tool.locator('[aria-live="polite"]').filter({ hasText: words })).toHaveCount(1);
  await expectNoAxeViolations(page);

  // The second point from the hard end counts too; a better one takes the note away.
  await mood.getByRole('radio', { name: 'Hard', exact: true }).check();
  await expect(note).toBeVisible();
  await mood.getByRole('radio', { name: 'Good', exact: true }).check();
  await expect(note).toHaveCount(0);

  // Both links lead where they say.
  await mood.getByRole('radio', { name: 'Very hard', exact: true }).check();
  await help.click();
  await expect(page).toHaveURL(/\/help\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.goBack();
  await (await moodQuestion(page)).scrollIntoViewIfNeeded();
  await plan.click();
  await expect(page).toHaveURL(/\/my-plan\/$/);
  await expect(page.getByRole('heading', { level: 1, name: 'My plan' })).toBeVisible();
});

test('on a phone, the scale’s answers read in order, one under the other', async ({ page }) => {
  await page.goto(checkInStep);
  const mood = await moodQuestion(page);
  const boxes = await mood.locator('label').evaluateAll((labels) => labels.map((label) => label.getBoundingClientRect().toJSON() as DOMRect));
  expect(boxes).toHaveLength(5);
  for (let i = 1; i < boxes.length; i++) {
    expect(boxes[i]!.top, `answer ${i + 1} starts below answer ${i}`).toBeGreaterThanOrEqual(boxes[i - 1]!.bottom - 1);
  }
});

test('My plan’s chart places answers by date, with the scale’s words and dates on its axes', async ({ page }) => {
  const answer = async (day: string, mood: string) => {
    await page.clock.setFixedTime(new Date(`${day}T10:00:00`));
    await page.goto(checkInStep);
    await (await moodQuestion(page)).getByRole('radio', { name: mood, exact: true }).check();
    await expect(page.getByRole('status').filter({ hasText: 'Saved on this device' })).toBeVisible();
  };
  // A week, then a day.
  await answer('2026-11-03', 'Hard');
  await answer('2026-11-10', 'Okay');
  await answer('2026-11-11', 'Good');

  await page.goto('my-plan/');
  const chart = page.getByRole('img', { name: 'How has your mood been?: your answers over time' });
  await expect(chart.locator('circle')).toHaveCount(3);
  const [first, second, third] = await chart.locator('circle').evaluateAll((circles) => circles.map((circle) => circle.getBoundingClientRect().x));
  expect(second! - first!, 'a week apart is much further than a day apart').toBeGreaterThan(3 * (third! - second!));

  const axis = chart.locator('text');
  await expect(axis.filter({ hasText: /^Very hard$/ })).toHaveCount(1);
  await expect(axis.filter({ hasText: /^Very good$/ })).toHaveCount(1);
  await expect(axis.filter({ hasText: /^[+−]$/ })).toHaveCount(0);
  // The dates at the ends are the table's, written the page's way.
  const table = page.getByRole('table', { name: 'How has your mood been?' });
  const days = await table.getByRole('rowheader').allTextContents();
  expect(days).toHaveLength(3);
  await expect(axis.filter({ hasText: days[0]! })).toHaveCount(1);
  await expect(axis.filter({ hasText: days[2]! })).toHaveCount(1);
  await expectNoAxeViolations(page);

  // In Spanish, the same answers with Spanish words.
  await page.goto('es/my-plan/');
  const grafico = page.getByRole('img', { name: /^¿Cómo ha estado tu ánimo\?/ });
  await expect(grafico.locator('text').filter({ hasText: /^Muy difícil$/ })).toHaveCount(1);
});

test('read on another day than the site was built, the check-in takes the page over cleanly and shows that day', async ({ page }) => {
  // The build writes the page once; people read it for months. Three days later here.
  await page.clock.install({ time: Date.now() + 3 * 24 * 60 * 60 * 1000 });
  const { errors } = watch(page);
  await page.goto(checkInStep);
  const tool = page.locator('.tool').filter({ has: page.locator('.tool__date') });
  await tool.scrollIntoViewIfNeeded(); // tools wake up when they come into view
  const later = await page.evaluate(() => new Date().toLocaleDateString('en-US', { month: 'short', day: 'numeric' }));
  await expect(tool.locator('.tool__date')).toContainText(later);
  expect(errors).toEqual([]); // before: React's "text content does not match" (#418) on every such page
});
