/**
 * Stories in Chromium: captions load, nothing plays by itself, the transcript is in the page's HTML
 * and moves the recording, the content note works by keyboard, and the filters narrow the list.
 */
import { expect, type Page, test } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { builtHtml, watch } from './built-site';

/** How many English stories the content has, in all, with a theme, or in a module. */
const storyFiles = readdirSync('content/stories/en')
  .filter((name) => name.endsWith('.mdx'))
  .map((name) => readFileSync(`content/stories/en/${name}`, 'utf8'));
const storiesListing = (field: 'themes' | 'modules', name: string) =>
  storyFiles.filter((source) => new RegExp(`^${field}:\\s*\\[[^\\]]*\\b${name}\\b`, 'm').test(source)).length;

const video = 'stories/going-back-to-the-allotment/';
const audio = 'stories/the-first-visit/';
const text = 'stories/the-guitar-under-the-bed/';

async function openGate(page: Page) {
  await page.getByText('Go on to the story').click();
  await expect(page.locator('details.gate__details')).toHaveAttribute('open', '');
}

test('a video story: captions track present and loaded, nothing plays or downloads by itself', async ({ page }) => {
  const { requests } = watch(page);
  await page.goto(video);
  await openGate(page);
  const player = page.locator('video');
  await expect(player).toHaveAttribute('controls', '');
  await expect(player).not.toHaveAttribute('autoplay');
  await expect(page.locator('video track[kind="captions"]')).toHaveCount(1);
  const tracks = await player.evaluate((v: HTMLVideoElement) => [...v.textTracks].map((t) => ({ kind: t.kind, mode: t.mode })));
  expect(tracks).toEqual([{ kind: 'captions', mode: 'showing' }]);
  // HTMLTrackElement.LOADED is 2: the .vtt was fetched and read.
  await expect.poll(() => page.locator('video track').evaluate((t: HTMLTrackElement) => t.readyState)).toBe(2);
  expect(await player.evaluate((v: HTMLVideoElement) => v.textTracks[0]!.cues?.length ?? 0)).toBeGreaterThan(3);
  expect(await player.evaluate((v: HTMLVideoElement) => v.canPlayType('video/mp4; codecs="avc1.42E01E, mp4a.40.2"'))).not.toBe('');

  await page.waitForTimeout(1000);
  expect(await page.evaluate(() => [...document.querySelectorAll('video, audio')].map((m) => (m as HTMLMediaElement).paused))).toEqual([true]);
  expect(
    requests.filter((url) => /\.(mp4|mp3|webm)$/.test(url)),
    'the recording waits for play',
  ).toEqual([]);
});

test('the page says the story is a composite and the recording a computer voice', async ({ page }) => {
  await page.goto(video);
  await expect(page.getByText("This story is a composite, written from many people's experiences.")).toBeVisible();
  await expect(page.getByText('The recording is a computer voice reading the story, as a demonstration of the format.')).toBeVisible();
});

test('the transcript is in the built HTML and readable with JavaScript off', async ({ browser }) => {
  for (const path of [video, audio]) {
    expect(builtHtml('dist', path)).toContain('<section class="transcript"');
  }
  expect(builtHtml('dist', video)).toContain('No note. Just beans.');
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(video);
  await page.getByText('Go on to the story').click();
  await expect(page.getByRole('heading', { name: 'Transcript' })).toBeVisible();
  await expect(page.getByText('No note. Just beans.')).toBeVisible();
  await expect(page.locator('.transcript__seek')).toHaveCount(0); // no buttons that would do nothing
  await expect(page.getByLabel('Playback speed')).toBeHidden();
  await context.close();
});

test('clicking a transcript line moves the recording there and marks the line', async ({ page }) => {
  await page.goto(video);
  await openGate(page);
  const line = page.locator('wm-transcript li').nth(3);
  const start = Number(await line.getAttribute('data-start'));
  expect(start).toBeGreaterThan(5);
  await line.getByRole('button').click();
  await expect.poll(() => page.locator('video').evaluate((v: HTMLVideoElement) => v.currentTime)).toBeCloseTo(start, 1);
  await expect(line).toHaveAttribute('aria-current', 'true');
  await expect(page.locator('wm-transcript li[aria-current]')).toHaveCount(1);
  expect(await page.locator('video').evaluate((v: HTMLVideoElement) => v.paused)).toBe(true);
});

test('playback speed is a labelled choice that sets the rate', async ({ page }) => {
  await page.goto(audio); // no content notes: no gate
  await expect(page.locator('details.gate__details')).toHaveCount(0);
  await page.getByLabel('Playback speed').selectOption('1.5');
  expect(await page.locator('audio').evaluate((a: HTMLAudioElement) => a.playbackRate)).toBe(1.5);
  const tracks = await page.locator('audio').evaluate((a: HTMLAudioElement) => [...a.textTracks].map((t) => t.kind));
  expect(tracks).toEqual(['captions']);
  await expect(page.getByRole('link', { name: 'Read the text version (uses less data)' }).first()).toHaveAttribute('href', '/stories/the-first-visit/text/');
});

test('the content note comes first, and opens by keyboard (Enter and Space)', async ({ page }) => {
  for (const key of ['Enter', 'Space']) {
    await page.goto(video);
    await expect(page.getByText('talks about a stay in hospital', { exact: true })).toBeVisible();
    await expect(page.locator('video')).toBeHidden();
    await expect(page.getByRole('link', { name: 'Pick another story' })).toHaveAttribute('href', '/stories/');
    let found = false;
    for (let i = 0; i < 40 && !found; i++) {
      await page.keyboard.press('Tab');
      found = await page.evaluate(() => document.activeElement?.tagName === 'SUMMARY' && !!document.activeElement.closest('main'));
    }
    expect(found, 'Tab reaches "Go on to the story"').toBe(true);
    await page.keyboard.press(key);
    await expect(page.locator('video')).toBeVisible();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Read the text version (uses less data)' }).first()).toBeFocused();
  }
});

test('a text story is a page of words, with no player and no player script', async ({ page }) => {
  const media: string[] = [];
  page.on('request', (request) => {
    if (['media', 'image'].includes(request.resourceType()) || request.url().includes('StoryPlayer')) media.push(request.url());
  });
  await page.goto(text);
  await page.getByText('Go on to the story').click();
  await expect(page.getByRole('heading', { name: 'The guitar', exact: true })).toBeVisible();
  await expect(page.locator('video, audio, wm-player, wm-transcript')).toHaveCount(0);
  expect(media.filter((url) => !url.endsWith('icons/icon.svg'))).toEqual([]);
  await expect(page.getByRole('heading', { name: 'More stories like this' })).toBeVisible();
});

test('the text version of a recording has the transcript and no player', async ({ page }) => {
  await page.goto(`${video}text/`);
  await page.getByText('Go on to the story').click();
  await expect(page.getByText('No note. Just beans.')).toBeVisible();
  await expect(page.locator('video, audio, img, wm-player, astro-island')).toHaveCount(0);
});

test('filters by theme and module narrow the index, with plain links', async ({ page }) => {
  await page.goto('stories/');
  const cards = page.locator('.story-card');
  await expect(cards).toHaveCount(storyFiles.length);
  const filters = page.getByRole('navigation', { name: 'Show stories' });
  await expect(filters.getByRole('link', { name: 'All stories' })).toHaveAttribute('aria-current', 'page');

  await filters.getByRole('link', { name: 'Having a say' }).click();
  await expect(page).toHaveURL(/\/stories\/theme\/empowerment\/$/);
  await expect(cards).toHaveCount(storiesListing('themes', 'empowerment'));
  await expect(cards.filter({ hasText: 'The first visit' })).toHaveCount(1);
  await expect(cards.filter({ hasText: 'The guitar under the bed' })).toHaveCount(0);
  await expect(page.getByRole('navigation', { name: 'Show stories' }).getByRole('link', { name: 'Having a say' })).toHaveAttribute('aria-current', 'page');

  await page.getByRole('navigation', { name: 'Show stories' }).getByRole('link', { name: 'Getting started' }).click();
  await expect(page).toHaveURL(/\/stories\/module\/getting-started\/$/);
  await expect(cards).toHaveCount(storiesListing('modules', 'getting-started'));

  await page.getByRole('navigation', { name: 'Show stories' }).getByRole('link', { name: 'All stories' }).click();
  await expect(cards).toHaveCount(storyFiles.length);
});

test('a story placed in a module step is a card that leads to it', async ({ page }) => {
  await page.goto('modules/hope-and-recovery/small-signs-of-hope/');
  await page.locator('.story-card').getByRole('link', { name: 'Going back to the allotment' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Going back to the allotment');
});

test('stories are one click from every page', async ({ page }) => {
  await page.goto('');
  await page.getByRole('banner').getByRole('link', { name: 'Stories' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Stories');
});
