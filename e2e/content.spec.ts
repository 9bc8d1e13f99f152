/**
 * The default content as a whole: a person answers one tool in every module, and My plan shows
 * an answer under every module's title (and the plan list in its part of the plan).
 */
import { expect, type Page, test } from '@playwright/test';
import { expectNoAxeViolations } from './built-site';

type Answer = { kind: 'reflection'; name: RegExp; text: string } | { kind: 'checkbox'; name: string } | { kind: 'card'; name: string };

/** One tool per module: its module's title, the step it is on, and what the person does. */
const journey: Array<{ title: string; step: string; answer: Answer; shows: string }> = [
  {
    title: 'Getting started',
    step: 'getting-started/alone-or-with-a-worker',
    answer: { kind: 'reflection', name: /on your own, with someone, or both/, text: 'With my worker first' },
    shows: 'With my worker first',
  },
  {
    title: 'Hope and recovery',
    step: 'hope-and-recovery/small-signs-of-hope',
    answer: { kind: 'checkbox', name: 'Laughing at something' },
    shows: 'Laughing at something',
  },
  {
    title: 'Making sense of my experiences',
    step: 'making-sense-of-experiences/voices-and-unusual-beliefs',
    answer: { kind: 'reflection', name: /what your experiences are like/, text: 'A voice like a radio' },
    shows: 'A voice like a radio',
  },
  {
    title: 'Looking after my wellbeing',
    step: 'looking-after-my-wellbeing/sleep-and-rest',
    answer: { kind: 'checkbox', name: 'Less tea or coffee after lunch' },
    shows: 'Less tea or coffee after lunch',
  },
  {
    title: 'Coping with stress and hard times',
    step: 'coping-with-hard-times/what-stress-does',
    answer: { kind: 'checkbox', name: 'Money worries' },
    shows: 'Money worries',
  },
  { title: 'Connecting with people', step: 'connecting-with-people/the-people-around-me', answer: { kind: 'checkbox', name: 'A pet' }, shows: 'A pet' },
  {
    title: 'Doing things that matter',
    step: 'doing-things-that-matter/who-i-am',
    answer: { kind: 'card', name: 'Good with animals' },
    shows: 'Good with animals',
  },
  {
    title: 'Working with my mental health team',
    step: 'working-with-my-team/getting-ready-for-an-appointment',
    answer: { kind: 'checkbox', name: 'Can I have a talking therapy?' },
    shows: 'Can I have a talking therapy?',
  },
  {
    title: 'Keeping life on track',
    step: 'keeping-life-on-track/putting-my-plan-together',
    answer: { kind: 'reflection', name: /share your plan with/, text: 'My sister' },
    shows: 'My sister',
  },
];

async function saved(page: Page) {
  await expect(page.getByRole('status').filter({ hasText: 'Saved on this device' }).first()).toBeVisible();
}

async function answer(page: Page, what: Answer) {
  if (what.kind === 'reflection') {
    const box = page.getByRole('textbox', { name: what.name });
    await box.scrollIntoViewIfNeeded();
    await expect(box).toBeEditable();
    await box.fill(what.text);
  } else if (what.kind === 'checkbox') {
    const box = page.getByRole('checkbox', { name: what.name, exact: true });
    await box.scrollIntoViewIfNeeded();
    await expect(box).toBeEnabled();
    await box.check();
    await expect(box).toBeChecked();
  } else {
    const card = page.getByRole('button', { name: what.name, exact: true });
    await card.scrollIntoViewIfNeeded();
    await expect(card).toBeEnabled();
    await card.click();
    await expect(card).toHaveAttribute('aria-pressed', 'true');
  }
  await saved(page);
}

test('one tool answered in every module: My plan shows an answer under every module', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('');
  const titles = (await page.locator('#modules ~ .cards .card__title a').allTextContents()).map((title) => title.trim());
  expect(titles.toSorted()).toEqual(journey.map((stop) => stop.title).toSorted());

  for (const stop of journey) {
    await page.goto(`modules/${stop.step}/`);
    await answer(page, stop.answer);
  }

  // A plan list: its example goes into its part of the plan.
  await page.goto('modules/keeping-life-on-track/my-early-warning-signs/');
  const sign = page.locator('#tool-my-warning-signs').getByRole('button', { name: 'Sleeping much less', exact: true });
  await sign.scrollIntoViewIfNeeded();
  await expect(sign).toBeEnabled();
  await sign.click();
  await saved(page);

  await page.goto('my-plan/');
  const plan = page.locator('.plan');
  await expect(plan.getByRole('heading', { name: 'By module' })).toBeVisible();
  for (const stop of journey) {
    const section = plan.locator('.plan__module').filter({ has: page.getByRole('heading', { name: stop.title, exact: true }) });
    await expect(section, `My plan has no answer under "${stop.title}"`).toContainText(stop.shows);
  }
  const signs = plan.locator('.plan__section').filter({ has: page.getByRole('heading', { name: 'My early warning signs', exact: true }) });
  await expect(signs.first()).toContainText('Sleeping much less');
  await expectNoAxeViolations(page);
});
