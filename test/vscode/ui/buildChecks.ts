/**
 * Build and run as a person: the "Build Image…" button in the editor title of the fixture
 * Dockerfile, the tag typed into the prompt, the progress read from the terminal, the image found in
 * the Images view; then "Run Image…" from that image's context menu, every dialog step answered with
 * the keyboard (a published port, a variable, the none network, a command), and the container's
 * settings read back from the engine. Saves build-progress.png and run-dialog.png.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { removeLabelled, testDocker, uniqueSuffix } from '../../engineHelpers';
import { quickOpen } from './hoverChecks';
import { chooseFromContextMenu, pane, pollUntil, quickInput, revealRow, type Check } from './workbench';

const terminalText = (page: Page): Promise<string> =>
  page
    .locator('.part.panel .xterm-rows:visible')
    .first()
    .innerText({ timeout: 2_000 })
    .catch(() => '');

/** Waits for the quick input whose title holds `title`, then returns its filter/value box. */
async function step(page: Page, title: string): Promise<ReturnType<Page['locator']>> {
  await quickInput(page).locator('.quick-input-title', { hasText: title }).first().waitFor({ timeout: 30_000 });
  const input = quickInput(page).locator('input').first();
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  return input;
}

/** In a quick pick titled `title`, filters to `label` and picks the row showing it. */
async function pick(page: Page, title: string, label: string): Promise<void> {
  const input = await step(page, title);
  await input.fill(label);
  await quickInput(page).locator('.monaco-list-row', { hasText: label }).first().waitFor({ timeout: 10_000 });
  await input.press('Enter');
}

/** In an input box titled `title`, types `text` and accepts it. */
async function answer(page: Page, title: string, text: string): Promise<void> {
  const input = await step(page, title);
  await input.fill(text);
  await input.press('Enter');
}

export async function runBuildChecks(page: Page, check: Check, resultsDir: string): Promise<void> {
  const docker = testDocker();
  const suffix = uniqueSuffix();
  const repository = `berthwise-ui-build/app-${suffix}`;
  const tag = `${repository}:latest`;
  const containerName = `berthwise-ui-run-${suffix}`;
  try {
    await check('ui: "Build Image…" in the editor title builds the open Dockerfile, the terminal shows its steps, the Images view the image', async () => {
      await quickOpen(page, 'Dockerfile');
      await page.locator('.part.editor .tab.active', { hasText: 'Dockerfile' }).first().waitFor({ timeout: 30_000 });
      await page.locator('.part.editor .editor-actions a.action-label[aria-label*="Build Image"]').first().click({ timeout: 30_000 });
      await answer(page, '(1/4)', tag);
      // One stage, no ARG: the next step is the options; none picked.
      await step(page, '(4/4)');
      await page.keyboard.press('Enter');
      const shown = await pollUntil(() => terminalText(page), (text) => text.includes('Built ') || text.includes('ERROR'), 180_000, 300);
      if (!shown.includes('Built ') || !/#\d+ \[\d\/\d\] COPY/.test(shown)) {
        throw new Error(`the build terminal should show the COPY step and "Built"; it shows:\n${shown}`);
      }
      await docker.getImage(tag).inspect();
      await page.mouse.move(5, 890);
      await page.locator('.part.panel').first().screenshot({ path: join(resultsDir, 'build-progress.png') });
      await revealRow(page, pane(page, 'Images'), repository);
    });

    await check('ui: "Run Image…" walks the dialog; the container has the typed port, variable, network and command', async () => {
      const group = await revealRow(page, pane(page, 'Images'), repository);
      await group.click();
      await page.keyboard.press('ArrowRight'); // expand the repository to its tag
      const image = await revealRow(page, pane(page, 'Images'), tag);
      await chooseFromContextMenu(page, image, 'Run Image…');
      await answer(page, '(1/8)', containerName);
      await pick(page, '(2/8)', 'Add');
      await answer(page, '(2/8)', '127.0.0.1::8080');
      await pick(page, '(2/8)', 'Continue');
      await pick(page, '(3/8)', 'Add');
      await answer(page, '(3/8)', `GREETING=hello-${suffix}`);
      await step(page, '(3/8)');
      await quickInput(page).locator('.monaco-list-row', { hasText: `GREETING=hello-${suffix}` }).first().waitFor({ timeout: 10_000 });
      await quickInput(page).screenshot({ path: join(resultsDir, 'run-dialog.png') });
      await pick(page, '(3/8)', 'Continue');
      await pick(page, '(4/8)', 'Continue');
      await pick(page, '(5/8)', 'none');
      await pick(page, '(6/8)', 'no');
      await pick(page, '(7/8)', 'Keep');
      await answer(page, '(8/8)', 'sleep 300');
      const found = await pollUntil(
        () => docker.listContainers({ all: true, filters: JSON.stringify({ name: [containerName] }) }),
        (list) => list.length > 0,
        30_000,
      );
      const id = found[0]?.Id;
      if (!id) {
        throw new Error(`no container named ${containerName} was created`);
      }
      const info = await docker.getContainer(id).inspect();
      const problems = [
        info.Config.Env.includes(`GREETING=hello-${suffix}`) ? '' : `Env ${JSON.stringify(info.Config.Env)}`,
        JSON.stringify(info.HostConfig.PortBindings) === JSON.stringify({ '8080/tcp': [{ HostIp: '127.0.0.1', HostPort: '' }] }) ? '' : `PortBindings ${JSON.stringify(info.HostConfig.PortBindings)}`,
        info.HostConfig.NetworkMode === 'none' ? '' : `NetworkMode ${info.HostConfig.NetworkMode}`,
        JSON.stringify(info.Config.Cmd) === JSON.stringify(['sleep', '300']) ? '' : `Cmd ${JSON.stringify(info.Config.Cmd)}`,
      ].filter(Boolean);
      if (problems.length > 0) {
        throw new Error(`the container differs from the dialog's answers: ${problems.join('; ')}`);
      }
    });
  } finally {
    const containers = await docker.listContainers({ all: true, filters: JSON.stringify({ name: [containerName] }) }).catch(() => []);
    for (const container of containers) {
      await docker.getContainer(container.Id).remove({ force: true }).catch(() => undefined);
    }
    await removeLabelled(docker, suffix);
    await docker.getImage(tag).remove({ force: true }).catch(() => undefined);
  }
}
