/**
 * A session together that follows the four stages of the research (Williams et al. 2021), on a
 * tablet: the person chooses what to look at today, and the worker's notes, tagged by stage, are
 * where each stage happens: choosing (home, today), revealing (stories), exploring (a tool step)
 * and new perspectives (My plan, End the session). With Together mode off, none of it shows.
 */
import { expect, type Page, test } from '@playwright/test';
import { expectNoAxeViolations } from './built-site';

test.use({ viewport: { width: 768, height: 1024 } });

const module = 'Hope and recovery';
const story = 'The first visit';

// One page of each stage, with the stage label its note shows. The step pages are the default
// content's: a story step with a "reveal" note, and a tool step with an "explore" note.
const stages: [path: string, label: string][] = [
  ['', 'Choosing what to look at'],
  ['stories/', 'Revealing'],
  ['modules/hope-and-recovery/a-story-from-jo/', 'Revealing'],
  ['modules/looking-after-my-wellbeing/sleep-and-rest/', 'Exploring'],
  ['my-plan/', 'New perspectives'],
  ['end-session/', 'New perspectives'],
];

const note = (page: Page, label: string) => page.getByRole('complementary', { name: 'For workers' }).filter({ hasText: label }).first();
const todayList = (page: Page) => page.getByRole('region', { name: "Today we'll look at" });

test('a session together: the person chooses what to look at, and worker notes follow the four stages', async ({ page }) => {
  await page.goto('');
  await page.getByRole('button', { name: 'Together mode' }).click();
  await expect(page.getByRole('button', { name: 'Together mode' })).toHaveAttribute('aria-pressed', 'true');

  // Switching on goes nowhere: a one-line offer appears on the page instead.
  await expect(page).toHaveURL(/\/$/);
  const offer = page.getByRole('link', { name: 'What shall we look at today?' });
  await expect(offer).toBeVisible();
  await offer.click();

  await expect(page.getByRole('heading', { level: 1, name: 'What shall we look at today?' })).toBeVisible();
  await expect(note(page, 'Choosing what to look at')).toContainText("What's been on your mind this week?");
  await expectNoAxeViolations(page);
  await page.getByRole('checkbox', { name: module }).check();
  await page.getByRole('checkbox', { name: story }).check();
  await page.getByRole('button', { name: 'Look at these' }).click();
  await expect(todayList(page).getByRole('list').getByRole('link')).toHaveText([module, story]);
  await expectNoAxeViolations(page);

  // Home shows the choice at the top, and no longer offers to choose.
  await page.goto('');
  await expect(todayList(page).getByRole('list').getByRole('link')).toHaveText([module, story]);
  await expect(todayList(page).getByRole('link', { name: module })).toHaveAttribute('href', '/modules/hope-and-recovery/');
  await expect(page.getByRole('link', { name: 'What shall we look at today?' })).toBeHidden();

  for (const [path, label] of stages) {
    if (path) await page.goto(path);
    await expect(note(page, label), `a "${label}" note on /${path}`).toBeVisible();
  }

  // Switched off (on End the session): the notes go, and so does today's choice.
  await page.getByRole('button', { name: 'Together mode' }).click();
  await expect(note(page, 'New perspectives')).toBeHidden();
  await page.goto('');
  await expect(page.getByRole('complementary', { name: 'For workers' })).toBeHidden();
  await expect(todayList(page)).toBeHidden();
  await page.getByRole('button', { name: 'Together mode' }).click();
  await expect(page.getByRole('link', { name: 'What shall we look at today?' })).toBeVisible();
  // "Not now" stops the offer for this tab, from the first paint of the next page too.
  await page.getByRole('button', { name: 'Not now' }).click();
  await expect(page.getByRole('link', { name: 'What shall we look at today?' })).toBeHidden();
  await page.goto('stories/');
  await expect(note(page, 'Revealing')).toBeVisible();
  await expect(page.getByRole('link', { name: 'What shall we look at today?' })).toBeHidden();
});

test('with Together mode off, no worker note, offer or choice shows', async ({ page }) => {
  for (const [path] of stages) {
    await page.goto(path);
    // The notes are in the page (so they can appear at once), but hidden.
    await expect(page.locator('.for-workers').first()).toBeAttached();
    await expect(page.getByRole('complementary', { name: 'For workers' })).toHaveCount(0);
  }
  await page.goto('');
  await expect(page.getByRole('link', { name: 'What shall we look at today?' })).toBeHidden();
  await expect(todayList(page)).toBeHidden();
});
