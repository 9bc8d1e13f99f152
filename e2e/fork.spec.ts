/**
 * A service's own site (tests/fixtures/fork/ laid over the starter), with the engine installed from
 * `npm pack` and built by its own `npm run build` (`npm run build:sites`, e2e/packed-site.ts): its own
 * name, logo, colour, help contacts, a new language and a new module, and four features switched
 * off, from content alone. Every page of it is accessible, its name is everywhere the engine speaks,
 * "Waymark" is nowhere but in its own words, and what is switched off is nowhere in its pages or scripts.
 */
import { expect, test } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { filesIn } from '../src/integration/built-files';
import { builtPages, expectNoAxeViolations, watch } from './built-site';
import { packedSite } from './packed-site-dir';

const site = packedSite;
const dist = `${site}/dist`;

/** Every file under a folder whose name matches, with its text. */
function textsIn(dir: string, name: RegExp): { file: string; text: string }[] {
  return filesIn(dir)
    .filter((file) => name.test(file))
    .map((file) => ({ file, text: readFileSync(file, 'utf8') }));
}

test('the site has its own name, logo, colour and help contacts', async ({ page }) => {
  await page.goto('');
  await expect(page.locator('.site-name')).toHaveText('Riverside Recovery');
  await expect(page.locator('.site-name img')).toHaveAttribute('src', '/images/logo.svg');
  expect((await page.request.get('images/logo.svg')).status()).toBe(200);
  await expect(page).toHaveTitle(/Riverside Recovery/);
  const header = await page.locator('.site-header').evaluate((element) => getComputedStyle(element).backgroundColor);
  expect(header).toBe('rgb(106, 44, 112)'); // #6a2c70
  await page.getByRole('banner').getByRole('link', { name: 'Get help now' }).click();
  await expect(page.getByRole('heading', { name: 'Riverside crisis team' })).toBeVisible();
  await expect(page.getByText('If you are in danger now, or someone else is, call 999.')).toBeVisible();
  await expect(page.getByText('988 Suicide & Crisis Lifeline')).toHaveCount(0);
});

test('on a phone, its emergency number is the first and biggest thing to tap; a text line gets its word', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('help/');
  const emergency = page.getByRole('link', { name: 'Call 999' });
  await expect(emergency).toHaveAttribute('href', 'tel:999');
  await expect(emergency).toBeInViewport();
  const box = (await emergency.boundingBox())!;
  expect(box.height, 'taller than the other buttons').toBeGreaterThanOrEqual(56);
  expect(box.width, 'as wide as the phone allows').toBeGreaterThanOrEqual(280);
  await expect(page.locator('main a[href^="tel:"]').first()).toHaveText('Call 999');
  // Shout asks for a word: the button says it, and the message starts with it.
  await expect(page.getByRole('link', { name: 'Text SHOUT to 85258' })).toHaveAttribute('href', 'sms:85258?body=SHOUT');
});

test('its new module and its new language work, French with an English fallback', async ({ page }) => {
  await page.goto('modules/money-worries/one-small-step/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('One small step');
  await page.getByRole('navigation', { name: 'Language' }).getByRole('link', { name: 'Français' }).click();
  await expect(page).toHaveURL(/\/fr\/modules\/money-worries\/one-small-step\/$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Un petit pas');
  await expect(page.locator('.step-progress')).toHaveText('Étape 1 sur 1');
  await expect(page.locator('.translation-note')).toBeVisible();
  // A key the fork did not translate is shown in English.
  await expect(page.getByRole('banner').getByRole('link', { name: 'My plan' })).toBeVisible();
});

// One test a page, so no single test grows with the site (the build is in `npm run build:sites`).
for (const path of builtPages(dist)) {
  test(`/${path} of the site is accessible and requests nothing from elsewhere`, async ({ page, baseURL }) => {
    const origin = new URL(baseURL!).origin;
    const { requests, errors } = watch(page);
    await page.goto(path);
    await expectNoAxeViolations(page);
    expect(requests.filter((url) => new URL(url).origin !== origin && !url.startsWith('data:'))).toEqual([]);
    expect(errors).toEqual([]);
  });
}

test('features switched off leave no trace in its pages or scripts', async ({ page }) => {
  // What each switched-off feature would leave behind, as words in the built files.
  const traces = {
    stories: ['href="/stories/', 'story-card', 'data-pagefind-filter="type:story"'],
    listen: ['data-listen', 'speechSynthesis', 'listen-prompt'],
    // 'QR code' and 'check-in above': the starter's own pages, whose sentences are in <IfFeature>.
    qrTransfer: ['bring-back', 'carry=', 'wm1=', 'end.qrText', 'QR code'],
    checkIns: ['CheckIn', 'checkin.', 'plan-chart', 'check-in above'],
  };
  const files = textsIn(dist, /\.(html|js)$/);
  for (const [feature, words] of Object.entries(traces)) {
    for (const word of words) {
      const found = files.filter(({ text }) => text.includes(word)).map(({ file }) => file);
      expect(found, `${feature} switched off, but "${word}" is in these files`).toEqual([]);
    }
  }
  // And features left on are still there: the trace words are real.
  const everything = textsIn('dist', /\.(html|js)$/)
    .map(({ text }) => text)
    .join('\n');
  for (const word of Object.values(traces).flat()) expect(everything, `"${word}" is not in the default build`).toContain(word);

  // In the browser: no Stories link, no Listen button, no QR code at the end of a session.
  await page.goto('');
  await expect(page.getByRole('banner').getByRole('link', { name: 'Stories' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Listen', exact: true })).toHaveCount(0);
  expect((await page.request.get('stories/')).status()).toBe(404);
  expect((await page.request.get('bring-back/')).status()).toBe(404);
});

test('its name is in every page title and footer, and in the manifest', () => {
  const pages = textsIn(dist, /\.html$/);
  expect(pages.length).toBeGreaterThan(20);
  for (const { file, text } of pages) {
    expect(/<title>([^<]*)<\/title>/.exec(text)?.[1], `${file}: title`).toContain('Riverside Recovery');
    expect(/<footer\b[^>]*>([\s\S]*?)<\/footer>/.exec(text)?.[1], `${file}: footer`).toContain('Riverside Recovery');
  }
  const manifest = JSON.parse(readFileSync(`${dist}/manifest.webmanifest`, 'utf8'));
  expect(manifest).toMatchObject({ name: 'Riverside Recovery', short_name: 'Riverside' });
});

test("its own icon in the tab and on the home screen, and not the engine's", async ({ page }) => {
  await page.goto('');
  await expect(page.locator('link[rel="icon"]')).toHaveAttribute('href', '/images/logo.svg');
  const manifest = JSON.parse(readFileSync(`${dist}/manifest.webmanifest`, 'utf8'));
  expect(manifest.icons[0]).toMatchObject({ src: '/images/logo.svg', sizes: 'any' });
  expect(existsSync(`${dist}/icons/icon.svg`), "the engine's arrow icon").toBe(false);
  // The home-screen picture is made from the site's icon: the wave's purple, not the arrow's white on purple.
  const png = await page.request.get('icons/icon-512.png');
  expect(png.headers()['content-type']).toBe('image/png');
  expect((await png.body()).length).toBeGreaterThan(1000);
});

/**
 * Engine text the site cannot change yet, each with why it is allowed for now. Every other
 * "Waymark" in a built page or script must come from the site's own content/.
 */
const engineLeftovers: string[] = [];

/** Text as a person reads it: entities decoded, typographic apostrophes plain, emphasis marks gone. */
function plain(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;|[‘’]/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/&nbsp;|\u00a0/g, ' ')
    .replace(/\*+/g, '')
    .replace(/\s+/g, ' ');
}

/** "Waymark" with up to three words either side, up to the next mark that is not part of a sentence (not inside a longer name). */
const mention = /(?:[\p{L}\p{N}'-]+ ){0,3}(?<![\p{L}\p{N}_$])Waymark(?![\p{L}\p{N}_$])(?: [\p{L}\p{N}'-]+){0,3}/gu;

/** The mentions of "Waymark" in a built file that the site's own words do not explain. */
function engineMentions(text: string, ownWords: string): string[] {
  const read = engineLeftovers.reduce((rest, leftover) => rest.replaceAll(leftover, ''), plain(text));
  // A bare "Waymark", with no words around it, cannot be told apart from the engine's: it counts as the engine's.
  return [...read.matchAll(mention)].map(([words]) => words).filter((words) => words === 'Waymark' || !ownWords.includes(words));
}

test('"Waymark" is in no page or script, except where its own content says it', () => {
  const ownWords = textsIn(`${site}/content`, /\.(mdx|yaml)$/)
    .map(({ text }) => plain(text))
    .join('\n');
  const fromEngine = textsIn(dist, /\.(html|js|webmanifest)$/).flatMap(({ file, text }) =>
    engineMentions(text, ownWords).map((words) => `${file}: "${words}"`),
  );
  expect(fromEngine).toEqual([]);
  // The check can fail: a sentence of the engine's own, or a bare name, would be caught.
  expect(engineMentions('<p>This is not a Waymark copy.</p><a>Waymark</a>', ownWords)).toEqual(['is not a Waymark copy', 'Waymark']);
});
