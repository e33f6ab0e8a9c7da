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

/** The pane (header + tree) of one view in the Berthwise container. */
export const pane = (page: Page, title: string): Locator => page.locator('.pane', { has: page.locator('.pane-header', { hasText: title }) }).first();

/** The first tree row of `scope` showing `text`. */
export const row = (scope: Locator, text: string): Locator => scope.locator('.monaco-list-row', { hasText: text }).first();

/**
 * The row of `scope` showing `text`, scrolled into view first: trees render only the rows on
 * screen, so the mouse wheel scrolls the list until the row exists.
 */
export async function revealRow(page: Page, scope: Locator, text: string, timeoutMs = 45_000): Promise<Locator> {
  const target = row(scope, text);
  const list = scope.locator('.monaco-list').first();
  await list.waitFor({ timeout: timeoutMs });
  // The index of the first rendered row tells whether a wheel step moved the list at all.
  const firstIndex = (): Promise<number> =>
    list.locator('.monaco-list-row').evaluateAll((rows) => Math.min(...rows.map((element) => Number(element.getAttribute('data-index')))));
  if ((await target.count()) === 0) {
    // Type to navigate, as a person would in a long list: the tree jumps to the first row whose
    // label starts so. Group rows do not always take it, so the mouse wheel below is the fallback.
    await list.focus();
    await page.keyboard.type(text);
    await target.waitFor({ timeout: 3_000 }).catch(() => undefined);
  }
  const deadline = Date.now() + timeoutMs;
  let direction = -1; // first up to the top, then down through the list
  while ((await target.count()) === 0 && Date.now() < deadline) {
    // Less than a screenful per step, so no row is skipped over.
    const step = Math.max(22, ((await list.boundingBox())?.height ?? 100) * 0.7);
    const before = await firstIndex();
    await list.hover();
    await page.mouse.wheel(0, direction * step);
    const after = await pollUntil(firstIndex, (index) => index !== before, 300, 50);
    if (after === before) {
      direction = -direction; // reached an end (or nothing to scroll): turn around
    }
  }
  await target.scrollIntoViewIfNeeded({ timeout: 5_000 });
  return target;
}

/** The quick input widget (command palette, quick picks) while it is open. */
export const quickInput = (page: Page): Locator => page.locator('.quick-input-widget').first();

/** Opens the command palette with F1 and runs the command whose label is exactly `label`. */
export async function runFromPalette(page: Page, label: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = quickInput(page).locator('input');
  await input.waitFor({ state: 'visible', timeout: 30_000 });
  await input.fill(`>${label}`);
  const entry = quickInput(page).locator('.monaco-list-row', { hasText: label }).first();
  await entry.waitFor({ timeout: 30_000 });
  await entry.click();
}

/**
 * Right-clicks `target` until the menu that opens is its own: a row can move under the pointer
 * between finding and clicking it (another row removed above it), and the menu then belongs to
 * the row that slid in. The tree focuses the row it opens a menu for.
 */
async function openContextMenu(page: Page, target: Locator): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await target.click({ button: 'right' });
    await page.locator('.context-view .monaco-menu').first().waitFor({ timeout: 30_000 });
    const own = await target.evaluate((element) => element.classList.contains('focused')).catch(() => false);
    if (own || attempt === 3) {
      return;
    }
    await page.keyboard.press('Escape');
    await page.locator('.context-view .monaco-menu').first().waitFor({ state: 'hidden', timeout: 15_000 });
  }
}

/** Right-clicks `target` and chooses the context-menu entry labelled `label`. */
export async function chooseFromContextMenu(page: Page, target: Locator, label: string): Promise<void> {
  await openContextMenu(page, target);
  const item = page.locator('.context-view .action-item', { hasText: label }).first();
  await item.waitFor({ timeout: 30_000 });
  // A click right after the menu opens can be taken for the end of the right-click and dropped:
  // point at the entry until the menu focuses it, then choose it with Enter.
  await item.hover();
  await page.locator('.context-view .action-item.focused', { hasText: label }).first().waitFor({ timeout: 15_000 });
  await page.keyboard.press('Enter');
  await page.locator('.context-view .monaco-menu').first().waitFor({ state: 'hidden', timeout: 15_000 });
}

/** Right-clicks `target`, reads the context menu's entries, and closes the menu again. */
export async function contextMenuLabels(page: Page, target: Locator): Promise<string[]> {
  await openContextMenu(page, target);
  const entries = page.locator('.context-view .action-item .action-label');
  await entries.first().waitFor({ timeout: 30_000 });
  const labels = (await entries.allInnerTexts()).map((label) => label.trim()).filter((label) => label !== '');
  await page.keyboard.press('Escape');
  await page.locator('.context-view .monaco-menu').first().waitFor({ state: 'hidden', timeout: 15_000 });
  return labels;
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
