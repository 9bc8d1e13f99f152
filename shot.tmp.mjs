import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu'] });
for (const [name, path, scheme, open] of [['en','/','light',true],['ar','/ar/modules/getting-started/what-waymark-is/','light',false],['dark','/modules/hope-and-recovery/small-signs-of-hope/','dark',false]]) {
  const page = await browser.newPage({ viewport: { width: 400, height: 1100 }, colorScheme: scheme });
  await page.goto('http://127.0.0.1:4475' + path);
  if (open) await page.locator('.display-menu summary').click();
  await page.screenshot({ path: `/tmp/shot-${name}.png` });
  await page.close();
}
await browser.close();
