/**
 * Drives the workbench like a person: opens the Dockhand activity-bar container, looks at the four
 * views and the objects they list, and saves screenshots. Each check is one counted test.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Outcome } from '../../outcome';
import type { DemoObjects } from './demoObjects';

const tier = 'vscode';
const viewTitles = ['Containers', 'Images', 'Volumes', 'Networks'];

export async function runUiChecks(page: Page, url: string, demo: DemoObjects, resultsDir: string): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  const check = async (title: string, body: () => Promise<void>): Promise<void> => {
    const started = Date.now();
    try {
      await body();
      outcomes.push({ tier, title, state: 'passed', durationMs: Date.now() - started });
    } catch (error) {
      await page.screenshot({ path: join(resultsDir, `failed-${title.replace(/\W+/g, '-')}.png`) }).catch(() => undefined);
      outcomes.push({ tier, title, state: 'failed', error: error instanceof Error ? error.message : String(error) });
    }
  };

  await page.goto(url);
  await check('ui: the workbench loads', async () => {
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  });
  await check('ui: the Dockhand activity-bar entry opens the explorer', async () => {
    const entry = page.locator('.activitybar [aria-label^="Dockhand"]').first();
    await entry.waitFor({ timeout: 30_000 });
    await entry.click();
    await page.locator('.pane-header', { hasText: 'Containers' }).first().waitFor({ timeout: 30_000 });
  });
  await check('ui: the four views exist', async () => {
    for (const title of viewTitles) {
      await page.locator('.pane-header', { hasText: title }).first().waitFor({ timeout: 10_000 });
    }
  });
  await check('ui: the containers view lists a running container from the engine', async () => {
    await page.locator('.monaco-list-row', { hasText: demo.containerName }).first().waitFor({ timeout: 30_000 });
  });
  await page.screenshot({ path: join(resultsDir, 'vscode-explorer.png') });
  return outcomes;
}
