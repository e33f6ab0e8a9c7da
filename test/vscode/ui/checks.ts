/**
 * Drives the workbench like a person: opens the Dockhand activity-bar container, looks at the four
 * views and the objects they list, and saves screenshots. Each check is one counted test.
 */
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import type { Outcome } from '../../outcome';
import type { DemoObjects } from './demoObjects';

const tier = 'vscode';
const viewTitles = ['Containers', 'Images', 'Volumes', 'Networks'];

/** The pane (header + tree) of one view in the Dockhand container. */
const pane = (page: Page, title: string): Locator => page.locator('.pane', { has: page.locator('.pane-header', { hasText: title }) }).first();
const row = (scope: Locator, text: string): Locator => scope.locator('.monaco-list-row', { hasText: text }).first();

/** Closes the secondary side bar and widens the Dockhand side bar so the screenshots show descriptions. */
async function widenSideBar(page: Page): Promise<void> {
  await page.locator('.part.auxiliarybar .action-label[aria-label^="Hide"], .part.auxiliarybar .codicon-close').first().click({ timeout: 2_000 }).catch(() => undefined);
  const box = await page.locator('.part.sidebar').first().boundingBox();
  if (box) {
    await page.mouse.move(box.x + box.width + 1, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + 620, box.y + box.height / 2, { steps: 8 });
    await page.mouse.up();
    await page.mouse.move(box.x + 900, box.y + box.height / 2); // off the sash, so it is not highlighted
  }
}

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
    await row(pane(page, 'Containers'), demo.containerName).waitFor({ timeout: 30_000 });
  });
  await check('ui: the containers view groups a Compose project', async () => {
    await row(pane(page, 'Containers'), demo.composeProject).waitFor({ timeout: 10_000 });
    await row(pane(page, 'Containers'), `${demo.composeProject}-web-1`).waitFor({ timeout: 10_000 });
  });
  await check('ui: the images view groups by repository', async () => {
    await row(pane(page, 'Images'), demo.imageRepository).waitFor({ timeout: 10_000 });
  });
  await check('ui: the volumes view lists the volume and who uses it', async () => {
    await row(pane(page, 'Volumes'), demo.volumeName).waitFor({ timeout: 10_000 });
    await pane(page, 'Volumes').locator('.monaco-list-row', { hasText: demo.volumeName }).filter({ hasText: 'used by 1' }).first().waitFor({ timeout: 10_000 });
  });
  await check('ui: the networks view lists the network and marks built-in ones', async () => {
    await row(pane(page, 'Networks'), demo.networkName).waitFor({ timeout: 10_000 });
    await pane(page, 'Networks').locator('.monaco-list-row', { hasText: 'built-in' }).first().waitFor({ timeout: 10_000 });
  });
  await check('ui: the status bar names the Docker engine and its version', async () => {
    await page.locator('.statusbar-item', { hasText: /Docker \d+\.\d+/ }).first().waitFor({ timeout: 10_000 });
  });
  await widenSideBar(page);
  for (const title of viewTitles) {
    await pane(page, title)
      .screenshot({ path: join(resultsDir, `views-${title.toLowerCase()}.png`) })
      .catch(() => undefined);
  }
  await page.screenshot({ path: join(resultsDir, 'vscode-explorer.png') });
  return outcomes;
}
