// Renders art/berthwise-icon.svg to the 128×128 marketplace icon resources/berthwise.png with
// the machine's Chromium (through playwright-core, as the vscode tier drives it). Run it after
// changing the SVG and commit the PNG: `node scripts/renderIcon.mjs`.
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const svg = readFileSync('art/berthwise-icon.svg', 'utf8');
const browser = await chromium.launch({ executablePath: process.env.BERTHWISE_CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage({ viewport: { width: 128, height: 128 }, deviceScaleFactor: 1 });
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
  await page.locator('svg').screenshot({ path: 'resources/berthwise.png', omitBackground: true });
} finally {
  await browser.close();
}
