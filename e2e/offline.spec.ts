/**
 * Offline, in Chromium with the real service worker: after one visit the whole site works with
 * no signal, words written offline are kept, a story saved for offline plays with no signal, a new
 * version is offered (never forced), and the site installs (manifest and icons).
 */
import { expect, type Page, test } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { ports } from '../playwright.config';
import { installed } from './built-site';

const steps = {
  reflection: 'modules/getting-started/alone-or-with-a-worker/',
  otherModule: 'modules/hope-and-recovery/',
  otherStep: 'modules/hope-and-recovery/small-signs-of-hope/',
};
const audioStory = 'stories/the-first-visit/';

/** Stories with content notes ask first; the others show the player at once. */
async function openStory(page: Page) {
  const goOn = page.getByText('Go on to the story');
  if (await goOn.count()) await goOn.click();
}

async function reflectionBox(page: Page) {
  const box = page.getByRole('textbox', { name: /on your own/ });
  await box.scrollIntoViewIfNeeded();
  await expect(box).toBeEditable();
  return box;
}

test('after one visit, the site works with no signal and words written offline are kept', async ({ page, context }) => {
  await page.goto('');
  await installed(page);

  await context.setOffline(true);
  // Another module, a step with tools, a story, the help page, My plan: all from the device.
  await page.goto(steps.otherModule);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/hope/i);
  await page.goto(steps.otherStep);
  const laughing = page.getByRole('checkbox', { name: 'Laughing at something' });
  await laughing.scrollIntoViewIfNeeded();
  await expect(laughing).toBeEnabled(); // the tool's scripts came from the device too
  await page.goto(audioStory);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Transcript' })).toBeAttached();
  await page.goto('help/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Get help now');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Get help now');
  // Styles came from the device too: the header has the site's colour, not the browser's default.
  expect(await page.locator('.site-header').evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe('rgba(0, 0, 0, 0)');

  await page.goto(steps.reflection);
  const box = await reflectionBox(page);
  await box.fill('Written on the bus with no signal');
  await expect(page.getByRole('status').filter({ hasText: 'Saved on this device' })).toBeVisible();
  await page.reload();
  await expect(await reflectionBox(page)).toHaveValue('Written on the bus with no signal');

  await context.setOffline(false);
  await page.goto('my-plan/');
  await expect(page.locator('.plan__text')).toHaveText('Written on the bus with no signal');
});

test('a story saved for offline plays with no signal; played stories are kept too', async ({ page, context }) => {
  await page.goto(audioStory);
  await installed(page);
  await openStory(page);
  const save = page.getByRole('button', { name: 'Save for offline' });
  await save.click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved on this device. You can play it with no signal.' })).toBeVisible();
  await expect(save).toBeHidden();

  await context.setOffline(true);
  await page.reload();
  await openStory(page);
  // Already kept: the page says so instead of offering the button again.
  await expect(page.getByText('Saved on this device. You can play it with no signal.')).toBeVisible();
  const src = await page.locator('audio source').getAttribute('src');
  const whole = await page.evaluate(async (url) => {
    const response = await fetch(url!);
    return { status: response.status, bytes: (await response.arrayBuffer()).byteLength };
  }, src);
  expect(whole).toEqual({ status: 200, bytes: expect.any(Number) });
  expect(whole.bytes).toBeGreaterThan(10_000);
  // Players ask for parts of a recording: the kept file answers those too.
  const part = await page.evaluate(async (url) => {
    const response = await fetch(url!, { headers: { Range: 'bytes=0-99' } });
    return { status: response.status, bytes: (await response.arrayBuffer()).byteLength };
  }, src);
  expect(part).toEqual({ status: 206, bytes: 100 });
  const audio = page.locator('audio');
  await audio.evaluate((media: HTMLAudioElement) => {
    media.muted = true;
    return media.play();
  });
  await expect.poll(() => audio.evaluate((media: HTMLAudioElement) => media.currentTime)).toBeGreaterThan(0);

  // Playing a story online keeps it as well, without pressing the button.
  await context.setOffline(false);
  await page.goto('stories/going-back-to-the-allotment/');
  await openStory(page);
  await page.locator('video').evaluate((media: HTMLVideoElement) => {
    media.muted = true;
    return media.play();
  });
  await expect(page.getByText('Saved on this device. You can play it with no signal.')).toBeVisible();
  expect(await page.evaluate(async () => (await (await caches.open('waymark-media')).keys()).map((r) => new URL(r.url).pathname).sort())).toEqual([
    '/media/stories/going-back-to-the-allotment.jpg',
    '/media/stories/going-back-to-the-allotment.mp4',
    '/media/stories/going-back-to-the-allotment.vtt',
    '/media/stories/the-first-visit.mp3',
    '/media/stories/the-first-visit.vtt',
  ]);
});

test('under a sub-path: works offline, and a new version is offered with a Reload button, never forced', async ({ page, context }) => {
  // The sub-path build is served by its own server, which only this test and subpath.spec.ts use:
  // its sw.js is changed for a moment, as a new deployment would.
  const site = `http://127.0.0.1:${ports.subpath}/waymark/`;
  await page.goto(`${site}${steps.reflection}`);
  await installed(page);
  await context.setOffline(true);
  await page.goto(`${site}help/`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Get help now');
  await page.goto(`${site}${steps.reflection}`);
  await context.setOffline(false);
  const box = await reflectionBox(page);
  await box.fill('Typed before the update');

  const swFile = 'dist-subpath/sw.js';
  const original = readFileSync(swFile, 'utf8');
  try {
    writeFileSync(swFile, `${original}\n// a new version\n`);
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());
    const banner = page.getByRole('status').filter({ hasText: 'A new version of this site is ready.' });
    await expect(banner).toBeVisible();
    // Nothing happens until the person chooses.
    await page.waitForTimeout(1_000);
    await expect(box).toHaveValue('Typed before the update');
    await expect(banner).toBeVisible();

    const reloaded = page.waitForEvent('load');
    await banner.getByRole('button', { name: 'Reload' }).click();
    await reloaded;
    await expect(page.getByRole('status').filter({ hasText: 'A new version' })).toBeHidden();
    await expect(await reflectionBox(page)).toHaveValue('Typed before the update');
  } finally {
    writeFileSync(swFile, original);
  }
});

test('the site installs: a manifest in the site colour, with icons, for this base path', async ({ page, baseURL }) => {
  await page.goto('');
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  const manifest = await (await page.request.get(new URL(href!, baseURL).href)).json();
  const base = new URL(baseURL!).pathname;
  expect(manifest).toMatchObject({ name: 'Waymark', start_url: base, scope: base, display: 'standalone', theme_color: '#1f5f7a' });
  for (const icon of manifest.icons as Array<{ src: string; sizes: string }>) {
    const response = await page.request.get(new URL(icon.src, baseURL).href);
    expect(response.status(), icon.src).toBe(200);
  }
  expect(manifest.icons.map((icon: { sizes: string }) => icon.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
});
