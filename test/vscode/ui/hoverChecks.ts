/**
 * A Dockerfile hover as a person gets it: open the fixture Dockerfile through Quick Open, rest the
 * mouse on the CMD keyword, and wait for the hover widget the language server fills.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { quickInput, type Check } from './workbench';

/** Opens `fileName` from the workspace with Ctrl+P. */
export async function quickOpen(page: Page, fileName: string): Promise<void> {
  await page.keyboard.press('Control+P');
  const input = quickInput(page).locator('input');
  await input.waitFor({ state: 'visible', timeout: 30_000 });
  await input.fill(fileName);
  await quickInput(page).locator('.monaco-list-row', { hasText: fileName }).first().waitFor({ timeout: 15_000 });
  await input.press('Enter');
}

/** Hovering CMD in the fixture Dockerfile shows documentation; saves `hover.png`. */
export async function runHoverChecks(page: Page, check: Check, resultsDir: string): Promise<void> {
  await check('ui: hovering CMD in a Dockerfile shows its documentation', async () => {
    await quickOpen(page, 'Dockerfile');
    const keyword = page.locator('.part.editor .monaco-editor .view-line span span', { hasText: /^CMD$/ }).first();
    await keyword.waitFor({ timeout: 20_000 });
    await page.locator('.part.editor .tab.active', { hasText: 'Dockerfile' }).first().waitFor({ timeout: 30_000 });
    // "Loading..." first; the documentation once the language server answers.
    const hover = page.locator('.monaco-hover:visible', { hasText: 'CMD' }).first();
    // The language server may still be starting: move away and back until a hover appears.
    const deadline = Date.now() + 30_000;
    while (!(await hover.isVisible()) && Date.now() < deadline) {
      await page.mouse.move(5, 890);
      await keyword.hover();
      await hover.waitFor({ timeout: 3_000 }).catch(() => undefined);
    }
    if (!(await hover.isVisible())) {
      const shown = await page.locator('.monaco-hover:visible').first().innerText({ timeout: 1_000 }).catch(() => '(no hover)');
      throw new Error(`no hover documenting CMD appeared; shown:\n${shown}`);
    }
    const hoverBox = await hover.boundingBox();
    const keywordBox = await keyword.boundingBox();
    if (!hoverBox || !keywordBox) {
      throw new Error('the hover or the keyword has no position on screen');
    }
    const pad = 16;
    const left = Math.max(0, Math.min(hoverBox.x, keywordBox.x) - pad);
    // From the first line of the file, so the picture shows the Dockerfile the hover belongs to.
    const linesBox = await page.locator('.part.editor .monaco-editor .view-lines').first().boundingBox();
    const top = Math.max(0, Math.min(hoverBox.y - pad, keywordBox.y - pad, (linesBox?.y ?? keywordBox.y) - 2));
    const right = Math.max(hoverBox.x + hoverBox.width, keywordBox.x + keywordBox.width) + pad;
    const bottom = Math.max(hoverBox.y + hoverBox.height, keywordBox.y + keywordBox.height) + pad;
    await page.screenshot({ path: join(resultsDir, 'hover.png'), clip: { x: left, y: top, width: right - left, height: bottom - top } });
  });
}
