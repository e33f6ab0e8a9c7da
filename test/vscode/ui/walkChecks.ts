/**
 * One scripted walk through what a user does, in order, as one counted check: the views, a new
 * container appearing by itself, its context menu, a shell, its logs, a one-off command, stop and
 * start, inspect, a prune preview (cancelled), then the fixture Dockerfile's hover, and completion and
 * a quick fix in a new (untitled) Dockerfile.
 * Every step leaves a screenshot in test-results/walk-NN-<step>.png to look at.
 */
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { createTestContainer, removeLabelled, testDocker, uniqueSuffix } from '../../engineHelpers';
import { expandOnly, viewTitles } from './explorerChecks';
import { quickOpen } from './hoverChecks';
import { execListRoot, screenshotPanel, visibleTerminalText, waitForTerminalText } from './terminalChecks';
import { chooseFromContextMenu, contextMenuLabels, pane, pollUntil, quickInput, revealRow, runFromPalette, type Check } from './workbench';

/** The step's screenshot: the whole workbench unless a part is named. */
async function shot(page: Page, resultsDir: string, step: string, part?: Locator): Promise<void> {
  const path = join(resultsDir, `walk-${step}.png`);
  await page.mouse.move(5, 890); // no tooltip or hover highlight left in the picture
  await (part ? part.screenshot({ path }) : page.screenshot({ path }));
}

/** The description a row shows (status text and the like). */
const rowText = (row: Locator): Promise<string> => row.innerText({ timeout: 2_000 }).catch(() => '');

/** Waits until the container's row in the Containers view matches `pattern`; returns its text. */
async function waitForRow(page: Page, name: string, pattern: RegExp, what: string): Promise<string> {
  const text = await pollUntil(async () => rowText(await revealRow(page, pane(page, 'Containers'), name)), (shown) => pattern.test(shown), 30_000);
  if (!pattern.test(text)) {
    throw new Error(`${what}: the row of ${name} reads "${text}"`);
  }
  return text;
}

export async function runWalk(page: Page, check: Check, resultsDir: string): Promise<void> {
  const docker = testDocker();
  const suffix = uniqueSuffix();
  const name = `berthwise-walk-${suffix}`;
  const containers = pane(page, 'Containers');
  try {
    await check('ui: the scripted walk — views, live update, menu, shell, logs, exec, lifecycle, inspect, prune preview, hover, completion, quick fix', async () => {
      // 1. The views (Containers opened wide, the others folded, so each step's row shows in full).
      await expandOnly(page, ['Containers']);
      await containers.locator('.pane-header').first().waitFor({ timeout: 30_000 });
      await shot(page, resultsDir, '01-views');

      // 2. Live update: a container made through the engine shows up without a click.
      // It ends on SIGTERM, so Stop does not wait out the grace period.
      await createTestContainer(docker, name, ['sh', '-c', 'trap "exit 0" TERM; echo walk-says-hello; echo walk-on-stderr >&2; while true; do sleep 0.2; done'], true);
      await waitForRow(page, name, /Up /, 'the new container appears by itself');
      await shot(page, resultsDir, '02-live-update');

      // 3. Its context menu (shown, then closed).
      const row = await revealRow(page, containers, name);
      await row.click({ button: 'right' });
      await page.locator('.context-view .action-item', { hasText: 'Open Shell in Container' }).first().waitFor({ timeout: 30_000 });
      await shot(page, resultsDir, '03-context-menu');
      await page.keyboard.press('Escape');
      const labels = await contextMenuLabels(page, row);
      for (const expected of ['Open Shell in Container', 'Exec a Command in Container…', 'Follow Container Logs', 'Stop', 'Inspect Container']) {
        if (!labels.includes(expected)) {
          throw new Error(`the menu lacks "${expected}": ${labels.join(' | ')}`);
        }
      }

      // 4. A shell.
      await chooseFromContextMenu(page, await revealRow(page, containers, name), 'Open Shell in Container');
      await waitForTerminalText(page, '#', 30_000);
      await page.locator('.part.panel .xterm-screen:visible').first().click();
      await page.keyboard.type('echo walk-$((6*7))');
      await page.keyboard.press('Enter');
      await waitForTerminalText(page, 'walk-42', 20_000);
      await screenshotPanel(page, join(resultsDir, 'walk-04-shell.png'));

      // 5. Its logs.
      await chooseFromContextMenu(page, await revealRow(page, containers, name), 'Follow Container Logs');
      await waitForTerminalText(page, 'walk-on-stderr', 30_000);
      if (!(await visibleTerminalText(page)).includes('walk-says-hello')) {
        throw new Error('the logs terminal lacks the stdout line');
      }
      await screenshotPanel(page, join(resultsDir, 'walk-05-logs.png'));

      // 6. A one-off command: its output and exit code stay until a key closes the terminal.
      await execListRoot(page, name, join(resultsDir, 'walk-06-exec.png'));

      // 7. Lifecycle: stop, then start again, from the menu; the row follows each time.
      await chooseFromContextMenu(page, await revealRow(page, containers, name), 'Stop');
      await waitForRow(page, name, /Exited \(/, 'after Stop');
      await chooseFromContextMenu(page, await revealRow(page, containers, name), 'Start');
      await waitForRow(page, name, /Up /, 'after Start');
      await shot(page, resultsDir, '07-lifecycle');

      // 8. Inspect: a read-only JSON document named after the container.
      await chooseFromContextMenu(page, await revealRow(page, containers, name), 'Inspect Container');
      await page.locator('.part.editor .tab.active', { hasText: name }).first().waitFor({ timeout: 30_000 });
      await page.locator('.part.editor .monaco-editor .view-lines', { hasText: '"Id"' }).first().waitFor({ timeout: 30_000 });
      await shot(page, resultsDir, '08-inspect');

      // 9. A prune preview, looked at and cancelled: nothing is removed.
      await runFromPalette(page, 'Berthwise: Prune Stopped Containers…');
      await quickInput(page).locator('.quick-input-title').filter({ hasText: 'Prune on' }).waitFor({ timeout: 60_000 });
      await shot(page, resultsDir, '09-prune-preview', quickInput(page));
      await page.keyboard.press('Escape');
      await waitForRow(page, name, /Up /, 'the container survives a cancelled prune');

      // 10. Hover: what docker run executes comes first.
      await quickOpen(page, 'Dockerfile');
      const keyword = page.locator('.part.editor .monaco-editor .view-line span span', { hasText: /^CMD$/ }).first();
      await keyword.waitFor({ timeout: 30_000 });
      const hover = page.locator('.monaco-hover:visible', { hasText: 'Effective command' }).first();
      const deadline = Date.now() + 30_000;
      while (!(await hover.isVisible()) && Date.now() < deadline) {
        await page.mouse.move(5, 890);
        await keyword.hover();
        await hover.waitFor({ timeout: 3_000 }).catch(() => undefined);
      }
      const hoverText = await hover.innerText({ timeout: 2_000 });
      if (!/^\s*Effective command/.test(hoverText)) {
        throw new Error(`the effective command should lead the hover:\n${hoverText}`);
      }
      await shot(page, resultsDir, '10-hover');
      await page.mouse.move(5, 890);

      // 11. Completion in a new Dockerfile (untitled: the web workbench saves workspace files by itself).
      await runFromPalette(page, 'File: New Untitled Text File');
      await page.locator('.part.editor .tab.active', { hasText: 'Untitled' }).first().waitFor({ timeout: 30_000 });
      await runFromPalette(page, 'Change Language Mode');
      await quickInput(page).locator('input').first().fill('Dockerfile');
      await quickInput(page).locator('.monaco-list-row.focused', { hasText: 'Dockerfile' }).first().waitFor({ timeout: 30_000 });
      await page.keyboard.press('Enter');
      await page.locator('.statusbar-item', { hasText: /^Dockerfile$/ }).first().waitFor({ timeout: 30_000 });
      await page.locator('.part.editor .monaco-editor .view-lines').first().click();
      // Two lines in one input, as a paste: typed line by line, a late suggestion list could take the Enter.
      await page.keyboard.insertText('FROM berthwise-test/busybox:latest\nCMD ["--verbose"]\n');
      await page.keyboard.type('ap');
      // Three lines, as written (the editor draws spaces as no-break spaces).
      await page.locator('.part.editor .monaco-editor .view-line', { hasText: /^CMD.\["--verbose"\]$/ }).first().waitFor({ timeout: 10_000 });
      await page.keyboard.press('Control+Space');
      const suggest = page.locator('.editor-widget.suggest-widget.visible').first();
      await suggest.locator('.monaco-list-row', { hasText: 'apk' }).first().waitFor({ timeout: 30_000 });
      await shot(page, resultsDir, '11-completion');
      await page.keyboard.press('Escape');
      await page.keyboard.press('Backspace');
      await page.keyboard.press('Backspace');

      // 12. A quick fix offered once for a shell-form ENTRYPOINT both rules flag.
      await page.keyboard.type('ENTRYPOINT node server.js');
      const squiggle = page.locator('.part.editor .monaco-editor .squiggly-warning, .part.editor .monaco-editor .squiggly-info').first();
      await squiggle.waitFor({ timeout: 30_000 });
      // The whole line, as a user selects it: both diagnostics on it come with the request.
      await page.keyboard.press('Home');
      await page.keyboard.press('Shift+End');
      await page.keyboard.press('Control+.');
      const menu = page.locator('.action-widget').first();
      await menu.locator('.monaco-list-row', { hasText: 'Convert ENTRYPOINT to exec form' }).first().waitFor({ timeout: 30_000 });
      const offered = await menu.locator('.monaco-list-row', { hasText: 'Convert ENTRYPOINT to exec form' }).count();
      await shot(page, resultsDir, '12-quick-fix');
      await page.keyboard.press('Escape');
      if (offered !== 1) {
        throw new Error(`the quick-fix menu lists "Convert ENTRYPOINT to exec form" ${offered} times`);
      }
    });
  } finally {
    await expandOnly(page, viewTitles).catch(() => undefined);
    // Close the scratch Dockerfile unsaved, and leave no container behind.
    await runFromPalette(page, 'View: Revert and Close Editor').catch(() => undefined);
    await removeLabelled(docker, suffix);
  }
}
