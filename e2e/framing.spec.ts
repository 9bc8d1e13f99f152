/**
 * Framed by another page, on a host that ignores `_headers` (as `astro preview` does, so only the
 * page's own <meta> policy applies, and it cannot forbid framing): the page shows only a short
 * notice with a link that opens it on its own, and no control ("Forget everything") can be seen
 * or clicked through the frame. Opened normally, nothing changes.
 */
import { expect, type Page, test } from '@playwright/test';
import config from '../playwright.config';

// The test site is on 127.0.0.1; Chromium refuses to let a public site frame a local one (Local
// Network Access). A real Waymark is public, as a framing site is: this browser is told so.
const launchOptions = config.use!.launchOptions!;
test.use({ launchOptions: { ...launchOptions, args: [...launchOptions.args!, '--disable-features=LocalNetworkAccessChecks'] } });

const forget = { name: 'Forget everything on this device' };
const notice = /This page is inside another website/;

/** Answers `framerUrl` with a page that frames `target`, as a hostile site (or a same-site page) would. */
async function framedBy(page: Page, framerUrl: string, target: string) {
  await page.route(framerUrl, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><title>Another site</title><h1>Win a prize</h1><iframe src="${target}" width="900" height="700"></iframe>`,
    }),
  );
  await page.goto(framerUrl);
  return page.frameLocator('iframe');
}

test.describe('a page inside another page', () => {
  for (const [who, framer] of [
    ['another site', 'http://framer.test/'],
    ['a page on the same site', 'same-site-framer.html'],
  ] as const) {
    test(`framed by ${who}: only a notice shows, and its link opens the page on its own`, async ({ page, baseURL }) => {
      const target = new URL('my-plan/', baseURL).href;
      const frame = await framedBy(page, new URL(framer, baseURL).href, target);

      // My plan is in the frame, its tools hydrated ("Forget everything" is there), yet nothing of it
      // can be seen or clicked: only the notice.
      await expect(frame.getByRole('button', { ...forget, includeHidden: true })).toBeAttached();
      await expect(frame.getByRole('button', forget)).toBeHidden();
      await expect(frame.getByRole('heading', { level: 1 })).toBeHidden();
      await expect(frame.getByRole('banner')).toBeHidden();
      await expect(frame.getByText(notice)).toBeVisible();

      // The link opens this page in the whole window, where it works as usual.
      await frame.getByRole('link', { name: 'Open Waymark on its own' }).click();
      await expect(page).toHaveURL(target);
      await expect(page.getByRole('button', forget)).toBeVisible();
      await expect(page.getByText(notice)).toBeHidden();
    });
  }

  test('opened normally, the page is unchanged: no notice, every control there', async ({ page }) => {
    await page.goto('my-plan/');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByRole('banner')).toBeVisible();
    await expect(page.getByRole('button', forget)).toBeVisible();
    await expect(page.getByText(notice)).toBeHidden();
    expect(await page.evaluate(() => document.documentElement.dataset.framed)).toBeUndefined();
  });
});
