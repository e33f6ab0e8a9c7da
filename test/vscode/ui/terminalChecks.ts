/**
 * Shell and logs from the real workbench: right-click a container in the Containers view, choose
 * the menu entry, then read what the terminal shows from xterm's DOM rows.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { DemoObjects } from './demoObjects';
import { chooseFromContextMenu, pane, pollUntil, quickInput, revealRow, type Check } from './workbench';

/** Text of the terminal currently shown in the panel. */
export const visibleTerminalText = (page: Page): Promise<string> =>
  page
    .locator('.part.panel .xterm-rows:visible')
    .first()
    .innerText({ timeout: 2_000 })
    .catch(() => '');

export async function waitForTerminalText(page: Page, expected: string, timeoutMs: number): Promise<void> {
  const text = await pollUntil(() => visibleTerminalText(page), (shown) => shown.includes(expected), timeoutMs);
  if (!text.includes(expected)) {
    throw new Error(`the terminal never showed "${expected}"; it shows:\n${text}`);
  }
}

/** The panel (terminal area) as an image. */
export async function screenshotPanel(page: Page, path: string): Promise<void> {
  await page.mouse.move(5, 890); // no hover highlight in the picture
  await page.locator('.part.panel').first().screenshot({ path });
}

/**
 * Answers the input box whose placeholder is `placeholder` with `text` (empty: the default). The
 * boxes follow one another in the same widget, so the placeholder tells which one is showing.
 */
async function answerInputBox(page: Page, placeholder: string, text: string): Promise<void> {
  const input = quickInput(page).locator(`input[placeholder="${placeholder}"]`);
  await input.waitFor({ state: 'visible', timeout: 30_000 });
  await input.fill(text);
  await input.press('Enter');
}

/**
 * "Exec a Command…" on `containerName`: runs `ls -la /` and checks that its terminal outlives the
 * command (it used to close about 140 ms after the exit) and shows the exit code under the output;
 * a key then closes it.
 */
export async function execListRoot(page: Page, containerName: string, screenshotPath: string): Promise<void> {
  await chooseFromContextMenu(page, await revealRow(page, pane(page, 'Containers'), containerName), 'Exec a Command in Container…');
  await answerInputBox(page, 'ls -la /', 'ls -la /');
  await answerInputBox(page, 'root, 1000:1000', ''); // user: the image default
  await answerInputBox(page, '/', ''); // working directory: the image default
  await waitForTerminalText(page, 'The command exited with code 0.', 30_000);
  const text = await visibleTerminalText(page);
  if (!/\bbin\b/.test(text) || !/\bproc\b/.test(text)) {
    throw new Error(`the exec terminal should still show the listing of / above the exit code, got:\n${text}`);
  }
  await screenshotPanel(page, screenshotPath);
  await page.locator('.part.panel .xterm-screen:visible').first().click();
  await page.keyboard.press('Enter');
  const after = await pollUntil(() => visibleTerminalText(page), (shown) => !shown.includes('The command exited with code 0.'), 15_000);
  if (after.includes('The command exited with code 0.')) {
    throw new Error('a key should close the finished exec terminal');
  }
}

/** "Open Shell in Container" round-trips a command; "Follow Container Logs" shows printed lines. */
export async function runTerminalChecks(page: Page, check: Check, demo: DemoObjects, resultsDir: string): Promise<void> {
  await check('ui: "Open Shell in Container" from the context menu runs a typed command in the terminal', async () => {
    await chooseFromContextMenu(page, await revealRow(page, pane(page, 'Containers'), demo.containerName), 'Open Shell in Container');
    const screen = page.locator('.part.panel .xterm-screen:visible').first();
    await screen.waitFor({ timeout: 30_000 });
    await waitForTerminalText(page, '#', 20_000); // the shell's prompt: it is ready for input
    await screen.click();
    await page.keyboard.type('echo berthwise-$((6*7))');
    await page.keyboard.press('Enter');
    await waitForTerminalText(page, 'berthwise-42', 20_000);
    await screenshotPanel(page, join(resultsDir, 'exec-terminal.png'));
  });
  await check('ui: "Follow Container Logs" from the context menu shows the lines the container printed', async () => {
    await chooseFromContextMenu(page, await revealRow(page, pane(page, 'Containers'), demo.logsContainerName), 'Follow Container Logs');
    await waitForTerminalText(page, 'berthwise-log-line-3', 30_000);
    const text = await visibleTerminalText(page);
    if (!text.includes('berthwise-log-line-1') || text.includes('berthwise-42')) {
      throw new Error(`the logs terminal should show the container's own lines, got:\n${text}`);
    }
    await screenshotPanel(page, join(resultsDir, 'logs-terminal.png'));
  });
  await check('ui: "Follow Container Logs" on a container without output says so instead of staying blank', async () => {
    await chooseFromContextMenu(page, await revealRow(page, pane(page, 'Containers'), demo.containerName), 'Follow Container Logs');
    await waitForTerminalText(page, 'No output yet', 30_000);
  });
  await check('ui: "Exec a Command…" keeps its terminal after the command exits and shows the exit code', () =>
    execListRoot(page, demo.containerName, join(resultsDir, 'exec-command-terminal.png')),
  );
}
