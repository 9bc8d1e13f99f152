/**
 * Every built page, one by one: accessible (axe, WCAG 2.2 A/AA), nothing requested from another
 * origin, no console errors, no JavaScript on pages without a tool, *Get help now* reachable,
 * and nothing cut off or scrolling sideways on a 320 px wide phone.
 */
import { expect, test } from '@playwright/test';
import { builtPages, expectNoAxeViolations, scriptBytes, watch } from './built-site';

for (const path of builtPages('dist')) {
  test(`/${path} is accessible, private and light`, async ({ page, baseURL }) => {
    const { requests, errors } = watch(page);
    await page.goto(path);

    await expectNoAxeViolations(page);
    const origin = new URL(baseURL!).origin;
    expect(requests.filter((url) => new URL(url).origin !== origin && !url.startsWith('data:'))).toEqual([]);
    expect(errors).toEqual([]);

    // Pages without a tool ship no JavaScript at all. A page with a story's player may load the
    // small script for playback speed and the transcript; its size is reported.
    const scriptRequests = requests.filter((url) => url.endsWith('.js') || url.endsWith('.mjs'));
    if ((await page.locator('video, audio').count()) > 0) {
      const bytes = await page.evaluate(async () => {
        let total = 0;
        for (const script of document.querySelectorAll('script')) {
          total += script.src ? (await (await fetch(script.src)).text()).length : (script.textContent ?? '').length;
        }
        return total;
      });
      test.info().annotations.push({ type: 'JavaScript bytes', description: String(bytes) });
      console.log(`/${path}: ${bytes} bytes of JavaScript (media player)`);
      expect(bytes, 'the player script stays small').toBeLessThan(4096);
    } else if ((await page.locator('astro-island').count()) === 0) {
      // No tool: no framework, at most the few hundred bytes that record and show progress.
      const bytes = await scriptBytes(page, scriptRequests);
      expect(bytes, 'plain script on a page without tools').toBeLessThan(2048);
    }

    await expect(page.locator('h1')).toHaveCount(1);
    const help = page.getByRole('banner').getByRole('link', { name: 'Get help now' });
    await expect(help).toHaveAttribute('href', '/help/');

    await page.setViewportSize({ width: 320, height: 640 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, 'the page scrolls sideways at 320 px').toBeLessThanOrEqual(0);
  });
}
