/**
 * `npm run dev` shows a content mistake where the writer looks: over the page in the browser, with
 * the same file, line and fix as the terminal, also after a reload; the terminal does not print
 * Astro's raw loader error beside it; fixing the file takes the mistake away. Real `waymark dev`,
 * real Chromium (Debian's, never a downloaded one).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { type Browser, chromium, type Locator, type Page } from '@playwright/test';
import { afterAll, expect, it } from 'vitest';
import { copyDefaultContent } from './content-fixture';

const port = Number(process.env.WAYMARK_DEV_TEST_PORT ?? 4850);
const address = `http://127.0.0.1:${port}/modules/hope-and-recovery/small-signs-of-hope/`;
const step = 'modules/en/hope-and-recovery/small-signs-of-hope.mdx';
/** Astro's own words for the mistake, beside Waymark's (its "Reloaded data" once fixed is fine). */
const rawLoaderError = /glob-loader\] Failed|does not match collection schema/;

const content = copyDefaultContent();
// Astro dev keeps what it read of the content in .astro/ and does not notice another content folder: its pages would be in there.
for (const file of ['data-store.json', 'content-modules.mjs', 'content-assets.mjs']) rmSync(join('.astro', file), { force: true });
let server: ChildProcess | undefined;
let browser: Browser | undefined;
let terminal = '';

afterAll(async () => {
  await browser?.close();
  // The dev server runs in a process group of its own (waymark, Astro): ended together, at once (Astro dev outlives SIGTERM).
  if (server?.pid) process.kill(-server.pid, 'SIGKILL');
  content.cleanUp();
});

/** Polls until the dev server answers; the first answer waits for Vite to prepare the page. */
async function ready(timeout: number): Promise<void> {
  const until = Date.now() + timeout;
  while (Date.now() < until) {
    if (server?.exitCode !== null) throw new Error(`waymark dev stopped:\n${terminal}`);
    const status = await fetch(address, { signal: AbortSignal.timeout(30_000) }).then(
      (response) => response.status,
      () => 0,
    );
    if (status === 200) return;
    await new Promise((wait) => setTimeout(wait, 250));
  }
  throw new Error(`waymark dev did not answer within ${timeout} ms:\n${terminal}`);
}

/**
 * The dev server reloads the page itself as Astro settles the content (a writer sees a blink): the
 * page's words are read again until they hold, and a reload the test asks for is asked again if
 * the page's own reload cut across it.
 */
const shows = (locator: Locator, part: string) =>
  expect.poll(() => locator.textContent({ timeout: 5_000 }).catch(() => ''), { timeout: 30_000 }).toContain(part);

async function openAgain(page: Page): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await page.goto(address);
      return;
    } catch (error) {
      if (attempt === 3 || !/ERR_ABORTED|frame was detached|interrupted by another navigation/.test(String(error))) throw error;
    }
  }
}

it('a mistake in a step shows over the page, with its file, line and fix, and goes once it is fixed', async () => {
  server = spawn(process.execPath, ['cli/waymark.mjs', 'dev', '--port', String(port)], {
    // As a writer starts it: not in Vitest's test mode, which Vite's dev server would take up.
    env: { ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(VITEST|NODE_ENV|TEST)/.test(name))), WAYMARK_CONTENT: content.dir },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  server.stdout?.on('data', (chunk: Buffer) => (terminal += stripVTControlCharacters(String(chunk))));
  server.stderr?.on('data', (chunk: Buffer) => (terminal += stripVTControlCharacters(String(chunk))));
  await ready(90_000);

  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  const page = await browser.newPage();
  // A change is sent to the page over Vite's socket: the test edits the step only once it is connected.
  const connected = page
    .waitForEvent('websocket')
    .then((socket) => socket.waitForEvent('framereceived', (frame) => String(frame.payload).includes('connected')));
  await openAgain(page);
  await page.getByRole('heading', { level: 1, name: 'Small signs of hope' }).waitFor();
  await connected;

  const overlay = page.locator('vite-error-overlay');
  const message = overlay.locator('#message-content');
  content.edit(step, 'order: 3', 'order: first');
  const expected = [
    `content/${step}`,
    '✗ line 4: order should be a number, but it is the text "first".',
    'How to fix: Write a whole number without quotes, like: order: 2.',
  ];
  for (const part of expected) await shows(message, part);

  // Opened again (or reloaded), the page still shows the mistake, not the step as it was.
  await openAgain(page);
  for (const part of expected) await shows(message, part);
  expect(terminal).toContain('✗ line 4: order should be a number, but it is the text "first".');
  expect(terminal).not.toMatch(rawLoaderError);

  content.edit(step, 'order: first', 'order: 3');
  await overlay.waitFor({ state: 'detached', timeout: 30_000 });
  await page.getByRole('heading', { level: 1, name: 'Small signs of hope' }).waitFor();
  expect(terminal).not.toMatch(rawLoaderError);
}, 180_000);
