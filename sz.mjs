import { chromium } from '@playwright/test';
import { gzipSync } from 'node:zlib';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu'] });
const page = await browser.newPage();
const urls = new Set();
page.on('request', r => { if (r.resourceType() === 'script') urls.add(r.url()); });
await page.goto(process.argv[2]);
for (const t of await page.locator('.tool').all()) await t.scrollIntoViewIfNeeded();
await page.waitForTimeout(1500);
for (const u of urls) { const b = await (await page.request.get(u)).body(); console.log(gzipSync(b).length, b.length, u.split('/').pop()); }
const inline = await page.evaluate(() => [...document.querySelectorAll('script:not([src])')].map(s => s.textContent.length));
console.log('inline', inline);
await browser.close();
