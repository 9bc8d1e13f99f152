/**
 * Display controls and Listen. Each display choice changes what the page looks like, is kept on
 * this device across a reload, and is applied before the first paint. Listen speaks the page's
 * words, and a tool's question, in the page's language, a sentence at a time, with the device's own
 * voice only (speech is a stand-in, heard by the test, not spoken).
 */
import { expect, type Page, test } from '@playwright/test';
import { expectNoAxeViolations } from './built-site';

async function openDisplay(page: Page) {
  const menu = page.locator('.display-menu');
  if (!(await menu.evaluate((details) => (details as HTMLDetailsElement).open))) await page.getByText('Text and colours', { exact: true }).click();
}

const style = (page: Page, selector: string, property: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((element, name) => getComputedStyle(element).getPropertyValue(name), property);

test('text size: four steps, kept after a reload', async ({ page }) => {
  await page.goto('modules/hope-and-recovery/');
  const normal = parseFloat(await style(page, 'html', 'font-size'));
  await openDisplay(page);
  await page.getByRole('radio', { name: 'Largest' }).check();
  const largest = parseFloat(await style(page, 'html', 'font-size'));
  expect(largest).toBeGreaterThan(normal * 1.5);
  await page.reload();
  expect(parseFloat(await style(page, 'html', 'font-size'))).toBe(largest);
  await openDisplay(page);
  await expect(page.getByRole('radio', { name: 'Largest' })).toBeChecked();
  await page.getByRole('radio', { name: 'Large', exact: true }).check();
  const large = parseFloat(await style(page, 'html', 'font-size'));
  expect(large).toBeGreaterThan(normal);
  expect(large).toBeLessThan(largest);
  // The next page opens at that size straight away: prefs.js set it before the first paint.
  await page.goto('help/');
  expect(await page.evaluate(() => document.documentElement.dataset.textSize)).toBe('2');
});

test('colours: dark, light or the device; kept after a reload; still accessible', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('modules/hope-and-recovery/small-signs-of-hope/');
  const light = await style(page, 'body', 'background-color');
  await openDisplay(page);
  await page.getByRole('radio', { name: 'Dark' }).check();
  const dark = await style(page, 'body', 'background-color');
  expect(dark).not.toBe(light);
  await page.reload();
  expect(await style(page, 'body', 'background-color')).toBe(dark);
  await expectNoAxeViolations(page);

  // "Same as my device" follows the system setting.
  await openDisplay(page);
  await page.getByRole('radio', { name: 'Same as my device' }).check();
  expect(await style(page, 'body', 'background-color')).toBe(light);
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await style(page, 'body', 'background-color')).toBe(dark);
  await page.getByRole('radio', { name: 'Light' }).check();
  expect(await style(page, 'body', 'background-color')).toBe(light);
});

test('high contrast: stronger text and borders, in light and dark, kept after a reload', async ({ page }) => {
  await page.goto('search/');
  const text = await style(page, 'body', 'color');
  await openDisplay(page);
  await page.getByRole('checkbox', { name: 'High contrast' }).check();
  expect(await style(page, 'body', 'color')).toBe('rgb(0, 0, 0)');
  expect(await style(page, 'body', 'color')).not.toBe(text);
  await page.reload();
  expect(await style(page, 'body', 'color')).toBe('rgb(0, 0, 0)');
  await expectNoAxeViolations(page);
  await openDisplay(page);
  await page.getByRole('radio', { name: 'Dark' }).check();
  expect(await style(page, 'body', 'background-color')).toBe('rgb(0, 0, 0)');
  expect(await style(page, 'body', 'color')).toBe('rgb(255, 255, 255)');
  await expectNoAxeViolations(page);
});

test('reduce movement: on by the device setting, or by choice, and kept', async ({ page }) => {
  await page.goto('');
  expect(await style(page, 'html', 'scroll-behavior')).toBe('smooth');
  await openDisplay(page);
  await page.getByRole('checkbox', { name: 'Reduce movement' }).check();
  expect(await style(page, 'html', 'scroll-behavior')).toBe('auto');
  await page.reload();
  expect(await style(page, 'html', 'scroll-behavior')).toBe('auto');

  const fresh = await page.context().browser()!.newPage({ reducedMotion: 'reduce' });
  await fresh.goto(page.url());
  expect(await fresh.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior)).toBe('auto');
  await fresh.locator('.display-menu summary').click();
  await expect(fresh.getByRole('checkbox', { name: 'Reduce movement' })).toBeChecked();
  await fresh.close();
});

test('a guest session keeps display choices only until it ends', async ({ page }) => {
  await page.goto('together/');
  await page.getByRole('button', { name: 'Start a guest session' }).click();
  await expect(page.getByRole('button', { name: 'End guest session' })).toBeVisible();
  await openDisplay(page);
  await page.getByRole('radio', { name: 'Larger' }).check();
  expect(await page.evaluate(() => localStorage.getItem('waymark.display'))).toBeNull();
  await page.reload();
  expect(await page.evaluate(() => document.documentElement.dataset.textSize)).toBe('3');
  await page.getByRole('button', { name: 'End guest session' }).click();
  await page.getByRole('button', { name: 'End it now' }).click();
  await expect(page.getByRole('button', { name: 'End guest session' })).toBeHidden();
  expect(await page.evaluate(() => document.documentElement.dataset.textSize)).toBeUndefined();
});

interface FakeVoice {
  name: string;
  lang: string;
  localService: boolean;
  default?: boolean;
}
const networkEnglish: FakeVoice = { name: 'Network English', lang: 'en-US', localService: false, default: true };
const localEnglish: FakeVoice = { name: 'Local English', lang: 'en-GB', localService: true };
const localSpanish: FakeVoice = { name: 'Local Spanish', lang: 'es_ES', localService: true };

/**
 * Replaces speech with a stand-in that hears, not speaks: what would have been said, in which
 * language and voice. Like Chrome, its list of voices is empty at first and arrives with
 * `voiceschanged`; a sentence ends when the test says so (`speech.next()`), and the next starts.
 */
async function fakeSpeech(page: Page, voices: FakeVoice[]) {
  await page.addInitScript((voices) => {
    class Utterance extends EventTarget {
      lang = '';
      voice: FakeVoice | null = null;
      constructor(public text: string) {
        super();
      }
    }
    const said: { text: string; lang: string; voice: string | undefined }[] = [];
    const calls: string[] = [];
    let queue: Utterance[] = [];
    let listed = false;
    const synth = Object.assign(new EventTarget(), {
      paused: false,
      getVoices() {
        if (!listed)
          setTimeout(() => {
            listed = true;
            synth.dispatchEvent(new Event('voiceschanged'));
          }, 50);
        return listed ? voices : [];
      },
      speak(utterance: Utterance) {
        said.push({ text: utterance.text, lang: utterance.lang, voice: utterance.voice?.name });
        queue.push(utterance);
        if (queue.length === 1) utterance.dispatchEvent(new Event('start'));
      },
      pause: () => (calls.push('pause'), (synth.paused = true)),
      resume: () => (calls.push('resume'), (synth.paused = false)),
      cancel: () => (calls.push('cancel'), (queue = [])),
    });
    const next = () => {
      queue.shift()?.dispatchEvent(new Event('end'));
      queue[0]?.dispatchEvent(new Event('start'));
    };
    Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
    Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: Utterance, configurable: true });
    Object.assign(window, { speech: { said, calls, next, left: () => queue.length } });
  }, voices);
}
type Heard = { said: { text: string; lang: string; voice: string | undefined }[]; calls: string[]; next(): void; left(): number };
const heard = (page: Page) => page.evaluate(() => (window as unknown as { speech: Heard }).speech.said);
const calls = (page: Page) => page.evaluate(() => (window as unknown as { speech: Heard }).speech.calls);
const nextSentence = (page: Page) => page.evaluate(() => (window as unknown as { speech: Heard }).speech.next());

test("Listen reads the page a sentence at a time, with the device's own voice only, marking what it reads", async ({ page }) => {
  await fakeSpeech(page, [networkEnglish, localEnglish, localSpanish]);
  await page.goto('modules/hope-and-recovery/small-signs-of-hope/');
  await page.getByRole('button', { name: 'Listen', exact: true }).click();
  await expect.poll(async () => (await heard(page)).length).toBeGreaterThan(5);
  const said = await heard(page);
  const texts = said.map((piece) => piece.text);
  expect(texts).toContain('Small signs of hope');
  // One sentence each: a paragraph of two is said as two.
  expect(texts).toContain('Hope doesn’t have to be a big feeling.');
  expect(texts).toContain('It can be small and quiet.');
  expect(texts.join('\n')).not.toContain('Text and colours'); // the page's words, not its header
  // Never the network voice, which would send the page's words away: only the device's own.
  expect(new Set(said.map((piece) => piece.voice))).toEqual(new Set(['Local English']));
  expect(new Set(said.map((piece) => piece.lang))).toEqual(new Set(['en']));

  // What is being read is marked; the mark follows the reading.
  const reading = page.locator('.listen-reading');
  await expect(reading).toHaveCount(1);
  await expect(reading).toContainText(texts[0]!);
  await nextSentence(page);
  await expect(reading).toContainText(texts[1]!);

  // Pause, carry on and stop hold across sentences.
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByRole('button', { name: 'Carry on' })).toBeVisible();
  await page.getByRole('button', { name: 'Carry on' }).click();
  expect(await calls(page)).toEqual(expect.arrayContaining(['pause', 'resume']));
  await nextSentence(page);
  await expect(reading).toContainText(texts[2]!);
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(reading).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Listen', exact: true })).toBeVisible();

  // Read to the end: the buttons are back as they were.
  await page.getByRole('button', { name: 'Listen', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await page.evaluate(() => {
    const { speech } = window as unknown as { speech: Heard };
    while (speech.left()) speech.next();
  });
  await expect(page.getByRole('button', { name: 'Listen', exact: true })).toBeVisible();
  await expect(reading).toHaveCount(0);

  await page.goto('es/modules/hope-and-recovery/small-signs-of-hope/');
  await page.getByRole('button', { name: 'Escuchar', exact: true }).click();
  await expect.poll(async () => (await heard(page)).length).toBeGreaterThan(3);
  const spanish = await heard(page);
  expect(new Set(spanish.map((piece) => piece.lang))).toEqual(new Set(['es']));
  expect(new Set(spanish.map((piece) => piece.voice))).toEqual(new Set(['Local Spanish']));
});

test("Listen reads a tool's question with the device's own voice", async ({ page }) => {
  await fakeSpeech(page, [networkEnglish, localEnglish]);
  await page.goto('modules/getting-started/what-waymark-is/');
  const tool = page.locator('.tool').first();
  await tool.getByRole('button', { name: 'Listen to the question' }).click();
  await expect.poll(async () => (await heard(page)).length).toBeGreaterThan(0);
  const said = await heard(page);
  const prompt = (await tool.locator('label, legend').first().textContent())!.trim();
  expect(said.map((piece) => piece.text).join('\n')).toContain(prompt.slice(0, 20));
  expect(new Set(said.map((piece) => piece.voice))).toEqual(new Set(['Local English']));
  await expect(tool).toHaveClass(/listen-reading/);
});

test('with no voice of its own for the language, the device says so, speaks nothing, and offers bigger text', async ({ page }) => {
  await fakeSpeech(page, [networkEnglish, localSpanish]);
  await page.goto('modules/getting-started/what-waymark-is/');
  const noVoice = 'This device has no voice for this language that works without the internet. You can make the text bigger instead.';
  await page.getByRole('button', { name: 'Listen', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: noVoice })).toBeVisible();
  const tool = page.locator('.tool').first();
  await tool.getByRole('button', { name: 'Listen to the question' }).click();
  await expect(tool.getByRole('status').filter({ hasText: noVoice })).toBeVisible();
  expect(await heard(page)).toEqual([]);
  await tool.getByRole('button', { name: 'Make the text bigger' }).click();
  await expect(page.getByRole('radio', { name: 'Largest' })).toBeVisible();
  await expect(page.getByRole('radio', { name: 'Normal' })).toBeFocused();
});

test('Listen is hidden where the browser cannot speak', async ({ page }) => {
  await page.addInitScript(() => {
    delete (window as { speechSynthesis?: unknown }).speechSynthesis;
    delete (Window.prototype as { speechSynthesis?: unknown }).speechSynthesis;
  });
  await page.goto('modules/getting-started/what-waymark-is/');
  expect(await page.evaluate(() => 'speechSynthesis' in window)).toBe(false);
  await expect(page.getByRole('button', { name: 'Listen', exact: true })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Listen to the question' }).first()).toBeHidden();
});
