/**
 * The explorer as a person sees it: opens the Berthwise activity-bar container, looks at the four
 * views and the objects they list, and saves one screenshot per view.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { DemoObjects } from './demoObjects';
import { contextMenuLabels, pane, revealRow, type Check } from './workbench';

export const viewTitles = ['Containers', 'Images', 'Volumes', 'Networks'];

/** Closes the secondary side bar and widens the Berthwise side bar so the screenshots show descriptions. */
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
  await check('ui: the Berthwise activity-bar entry opens the explorer', async () => {
    await openBerthwiseContainer(page);
  });
  await check('ui: the four views exist', async () => {
    for (const title of viewTitles) {
      await page.locator('.pane-header', { hasText: title }).first().waitFor({ timeout: 30_000 });
    }
  });
  await check('ui: the containers view lists a running container from the engine', async () => {
    await revealRow(page, pane(page, 'Containers'), demo.containerName);
  });
  await check('ui: the context menu of a running container without published ports has no "Open Published Port"', async () => {
    const labels = await contextMenuLabels(page, await revealRow(page, pane(page, 'Containers'), demo.containerName));
    if (!labels.includes('Open Shell in Container') || labels.some((label) => label.startsWith('Open Published Port'))) {
      throw new Error(`the menu lists: ${labels.join(' | ')}`);
    }
  });
  await check('ui: the containers view groups a Compose project', async () => {
    await revealRow(page, pane(page, 'Containers'), demo.composeProject);
    await revealRow(page, pane(page, 'Containers'), `${demo.composeProject}-web-1`);
  });
  await check('ui: the images view groups by repository', async () => {
    await revealRow(page, pane(page, 'Images'), demo.imageRepository);
  });
  await check('ui: the volumes view lists the volume and who uses it', async () => {
    const volume = await revealRow(page, pane(page, 'Volumes'), demo.volumeName);
    await volume.filter({ hasText: 'used by 1' }).waitFor({ timeout: 30_000 });
  });
  await check('ui: the networks view lists the network and marks built-in ones', async () => {
    await revealRow(page, pane(page, 'Networks'), demo.networkName);
    await revealRow(page, pane(page, 'Networks'), 'built-in');
  });
  await check('ui: the status bar names the Docker engine and its version', async () => {
    await page.locator('.statusbar-item', { hasText: /Docker \d+\.\d+/ }).first().waitFor({ timeout: 30_000 });
  });
  await widenSideBar(page);
  await page.screenshot({ path: join(resultsDir, 'vscode-explorer.png') });
  for (const title of viewTitles) {
    // One view at a time, the others collapsed, so each picture shows a full list.
    await expandOnly(page, [title]);
    await screenshotPaneContent(page, title, join(resultsDir, `views-${title.toLowerCase()}.png`)).catch(() => undefined);
  }
  await expandOnly(page, viewTitles);
}

/** Screenshots a view's header and its rows, leaving out the empty space below them. */
async function screenshotPaneContent(page: Page, title: string, path: string): Promise<void> {
  const box = await pane(page, title).boundingBox();
  if (!box) {
    throw new Error(`the ${title} view is not on screen`);
  }
  const rows = pane(page, title).locator('.monaco-list-rows').first();
  const rowsBottom = await rows.evaluate((element) => element.getBoundingClientRect().bottom);
  const height = Math.min(box.height, Math.max(60, rowsBottom - box.y + 12));
  await page.screenshot({ path, clip: { x: box.x, y: box.y, width: box.width, height } });
}

/**
 * Opens the Berthwise side bar from its activity-bar entry. The entry toggles, and the workbench may
 * restore the Berthwise side bar from the in-host suites' session while the page loads: a click after
 * that restore would hide it again. So the entry is clicked only while it is not the active one
 * (or the side bar is hidden), and each click is followed by a wait long enough for a slow machine
 * to render the views.
 */
export async function openBerthwiseContainer(page: Page): Promise<void> {
  const entry = page.locator('.activitybar [aria-label^="Berthwise"]').first();
  const item = page.locator('.activitybar .action-item', { has: page.locator('[aria-label^="Berthwise"]') }).first();
  const header = page.locator('.part.sidebar .pane-header', { hasText: 'Containers' }).first();
  await entry.waitFor({ timeout: 60_000 });
  for (let attempt = 1; !(await header.isVisible()); attempt++) {
    if (attempt > 4) {
      throw new Error('the Berthwise views did not appear within 4 attempts on its activity-bar entry');
    }
    const active = /\bchecked\b/.test((await item.getAttribute('class')) ?? '') && (await page.locator('.part.sidebar').first().isVisible());
    if (!active) {
      await entry.click();
    }
    await header.waitFor({ timeout: 15_000 }).catch(() => undefined);
  }
}

/** Expands the views named in `titles` and collapses the others by clicking their headers. */
export async function expandOnly(page: Page, titles: readonly string[]): Promise<void> {
  await openBerthwiseContainer(page);
  for (const title of viewTitles) {
    const header = page.locator('.pane-header', { hasText: title }).first();
    const expanded = (await header.getAttribute('aria-expanded')) === 'true';
    if (expanded !== titles.includes(title)) {
      await header.click();
    }
  }
  await page.mouse.move(900, 890); // off the headers, so none is highlighted
}
