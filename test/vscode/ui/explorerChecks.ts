/**
 * The explorer as a person sees it: opens the Dockhand activity-bar container, looks at the four
 * views and the objects they list, and saves one screenshot per view.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { DemoObjects } from './demoObjects';
import { pane, row, type Check } from './workbench';

export const viewTitles = ['Containers', 'Images', 'Volumes', 'Networks'];

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

/** The workbench loads, the explorer opens and its four views list the demo objects. */
export async function runExplorerChecks(page: Page, check: Check, demo: DemoObjects, resultsDir: string): Promise<void> {
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
}
