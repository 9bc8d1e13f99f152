/**
 * Updates that go wrong, with the real service worker: a deployment where one file the new worker
 * keeps is missing (its install fails) is noticed, the banner says so plainly, the person can load
 * the newest version from the network, and the page keeps trying, so once the file is back the usual
 * "new version is ready" follows. Each test serves its own copy of `dist/` with a tiny static server
 * (not `astro preview`), so it can break that copy as a bad deployment would.
 */
import { expect, test } from '@playwright/test';
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { installed } from './built-site';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.wasm': 'application/wasm',
};

/** A copy of dist/ served at the root of a new port; `close` stops it and removes the copy. */
async function servedCopy() {
  const root = mkdtempSync(join(tmpdir(), 'waymark-updates-'));
  cpSync('dist', root, { recursive: true });
  const server: Server = createServer((request, response) => {
    let path = normalize(join(root, decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)));
    try {
      if (!path.startsWith(root)) throw new Error('outside the copy');
      if (statSync(path).isDirectory()) path = join(path, 'index.html');
      const body = readFileSync(path);
      // Always asked again, as a host with `sw.js: no-cache` would: each change is seen at once.
      response.writeHead(200, { 'Content-Type': types[extname(path)] ?? 'application/octet-stream', 'Cache-Control': 'no-cache' });
      response.end(body);
    } catch {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    file: (name: string) => join(root, name),
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      rmSync(root, { recursive: true, force: true });
    },
  };
}

type Copy = Awaited<ReturnType<typeof servedCopy>>;

const missing = 'icons/icon-512.png';
const marker = 'Deployed later: the newest version';

/**
 * A deployment that went wrong: the home page changed, and one file the new worker keeps is gone.
 * Its revision in sw.js changes too, as a rebuild would, so the new worker must fetch it and fails.
 */
function breakDeployment(copy: Copy): () => void {
  const swFile = copy.file('sw.js');
  const sw = readFileSync(swFile, 'utf8');
  const revised = (text: string, url: string) => text.replace(new RegExp(`(url:"/${RegExp.escape(url)}",revision:")[0-9a-f]+"`), '$1changed"');
  const broken = revised(revised(sw, 'index.html'), missing);
  expect(broken.match(/revision:"changed"/g), 'two revisions changed in sw.js').toHaveLength(2);
  const picture = readFileSync(copy.file(missing));
  writeFileSync(swFile, broken);
  rmSync(copy.file(missing));
  const home = readFileSync(copy.file('index.html'), 'utf8');
  writeFileSync(copy.file('index.html'), home.replace('</main>', `<p>${marker}</p></main>`));
  // Puts the missing file back, as the next, fixed, deployment would.
  return () => writeFileSync(copy.file(missing), picture);
}

const failedText = 'A newer version of this site could not be loaded in full.';

let copy: Copy;
test.beforeEach(async () => {
  copy = await servedCopy();
});
test.afterEach(async () => {
  await copy.close();
});

test('a new version that fails to install is told plainly, and the newest version can be loaded', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(`${copy.origin}/`);
  await installed(page);
  breakDeployment(copy);

  // A visit after the deployment: the browser fetches the new sw.js; its install fails.
  await page.reload();
  // Still the version kept on the device.
  await expect(page.getByText(marker)).toHaveCount(0);
  const banner = page.getByRole('status').filter({ hasText: failedText });
  await expect(banner).toBeVisible({ timeout: 30_000 });

  const loaded = page.waitForEvent('load');
  await banner.getByRole('button', { name: 'Load the newest version' }).click();
  await loaded;
  // From the network now: the changed page, no longer answered by the old worker.
  await expect(page.getByText(marker)).toBeVisible();
  expect(await page.evaluate(() => navigator.serviceWorker.controller)).toBeNull();
});

test('after a failed update the page tries again: once the file is back, the new version is offered', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(`${copy.origin}/`);
  await installed(page);
  const fix = breakDeployment(copy);

  await page.reload();
  await expect(page.getByRole('status').filter({ hasText: failedText })).toBeVisible({ timeout: 30_000 });
  fix();

  // No reload and nothing pressed: the page's next try installs the fixed version.
  const ready = page.getByText('A new version of this site is ready.');
  await expect(ready).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText(failedText)).toBeHidden();
  const reloaded = page.waitForEvent('load');
  await page.getByRole('status').getByRole('button', { name: 'Reload' }).click();
  await reloaded;
  await expect(page.getByText(marker)).toBeVisible();
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
});
