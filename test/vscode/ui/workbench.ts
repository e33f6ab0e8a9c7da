/**
 * Small person-like moves on the VS Code workbench (views, rows, the command palette, the context
 * menu, modal dialogs) and the counted-check runner every UI check file uses.
 */
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import type { Outcome } from '../../outcome';

const tier = 'vscode';

/** Runs one named check, records it as a counted outcome, and screenshots the page when it fails. */
export type Check = (title: string, body: () => Promise<void>) => Promise<void>;

/** A check runner writing into `outcomes`; failure screenshots go to `resultsDir`. */
export function checkRunner(page: Page, resultsDir: string, outcomes: Outcome[]): Check {
  return async (title, body) => {
    const started = Date.now();
    try {
      await body();
      outcomes.push({ tier, title, state: 'passed', durationMs: Date.now() - started });
    } catch (error) {
      await page.screenshot({ path: join(resultsDir, `failed-${title.replace(/\W+/g, '-')}.png`) }).catch(() => undefined);
      // Leave no pop-up behind for the next check.
      await page.keyboard.press('Escape').catch(() => undefined);
      outcomes.push({ tier, title, state: 'failed', error: error instanceof Error ? error.message : String(error) });
    }
  };
}

/** The pane (header + tree) of one view in the Dockhand container. */
export const pane = (page: Page, title: string): Locator => page.locator('.pane', { has: page.locator('.pane-header', { hasText: title }) }).first();

/** The first tree row of `scope` showing `text`. */
export const row = (scope: Locator, text: string): Locator => scope.locator('.monaco-list-row', { hasText: text }).first();

/**
 * The row of `scope` showing `text`, scrolled into view first: trees render only the rows on
 * screen, so the mouse wheel scrolls the list until the row exists.
 */
export async function revealRow(page: Page, scope: Locator, text: string, timeoutMs = 20_000): Promise<Locator> {
  const target = row(scope, text);
  const list = scope.locator('.monaco-list').first();
  await list.waitFor({ timeout: timeoutMs });
  const deadline = Date.now() + timeoutMs;
  let direction = -1; // first up to the top, then down through the list
  let lastTop = Number.NaN;
  while ((await target.count()) === 0 && Date.now() < deadline) {
    await list.hover();
    await page.mouse.wheel(0, direction * 120);
    const top = await list.locator('.monaco-list-rows').first().evaluate((rows) => rows.getBoundingClientRect().top);
    if (top === lastTop) {
      direction = direction < 0 ? 1 : -1; // reached an end: turn around
    }
    lastTop = top;
  }
  await target.scrollIntoViewIfNeeded({ timeout: 5_000 });
  return target;
}

/** The quick input widget (command palette, quick picks) while it is open. */
export const quickInput = (page: Page): Locator => page.locator('.quick-input-widget').first();

/** Opens the command palette with F1 and runs the command whose label is exactly `label`. */
export async function runFromPalette(page: Page, label: string): Promise<void> {
  await page.locator('.monaco-workbench').click({ position: { x: 700, y: 5 } }).catch(() => undefined);
  await page.keyboard.press('F1');
  const input = quickInput(page).locator('input');
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  await input.fill(`>${label}`);
  const entry = quickInput(page).locator('.monaco-list-row', { hasText: label }).first();
  await entry.waitFor({ timeout: 10_000 });
  await entry.click();
}

/** Right-clicks `target` and chooses the context-menu entry labelled `label`. */
export async function chooseFromContextMenu(page: Page, target: Locator, label: string): Promise<void> {
  await target.click({ button: 'right' });
  const item = page.locator('.context-view .action-item', { hasText: label }).first();
  await item.waitFor({ timeout: 10_000 });
  // A click right after the menu opens can be taken for the end of the right-click and dropped:
  // point at the entry until the menu focuses it, then choose it with Enter.
  await item.hover();
  await page.locator('.context-view .action-item.focused', { hasText: label }).first().waitFor({ timeout: 5_000 });
  await page.keyboard.press('Enter');
  await page.locator('.context-view .monaco-menu').first().waitFor({ state: 'hidden', timeout: 5_000 });
}

/** The open modal dialog (VS Code renders its own in the browser). */
export const modalDialog = (page: Page): Locator => page.locator('.monaco-dialog-box').first();

/** Polls `read` until `accept` holds or `timeoutMs` passes; returns the last value either way. */
export async function pollUntil<T>(read: () => Promise<T>, accept: (value: T) => boolean, timeoutMs: number, intervalMs = 200): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!accept(value) && Date.now() < deadline) {
    await new Promise((resolveWait) => setTimeout(resolveWait, intervalMs));
    value = await read();
  }
  return value;
}
