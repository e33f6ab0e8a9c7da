/**
 * Two engines side by side, as a person sees them: the shared test engine and a private dockerd
 * reached over TCP with TLS on 127.0.0.1 (a remote engine to Berthwise), both selected in the
 * settings. The Engines view shows each with its own state and version, the TLS one marked remote;
 * one click shows the remote engine in the views, where removing a volume names that engine; then
 * the private dockerd stops and only its row turns unreachable. Screenshot: engines.png.
 */
import { join } from 'node:path';
import Docker from 'dockerode';
import type { Locator, Page } from 'playwright-core';
import { testLabel, uniqueSuffix } from '../../engineHelpers';
import { createPrivateDaemon, type PrivateDaemon } from '../../engine/privateDaemon';
import { freePort } from '../../freePort';
import { createTlsMaterial, type TlsMaterial } from '../../engine/tlsFixture';
import { chooseFromContextMenu, modalDialog, pane, pollUntil, revealRow, row, runFromPalette, type Check } from './workbench';

const localName = 'local';
const remoteName = 'build-server';

async function volumeExists(docker: Docker, name: string): Promise<boolean> {
  return docker
    .getVolume(name)
    .inspect()
    .then(
      () => true,
      () => false,
    );
}

/** Waits until the Engines view row of `name` shows text matching `pattern`. */
async function waitForEngineRow(page: Page, name: string, pattern: RegExp, timeoutMs = 60_000): Promise<string> {
  const target = row(pane(page, 'Engines'), name);
  const text = await pollUntil(() => target.innerText({ timeout: 2_000 }).catch(() => ''), (value) => pattern.test(value), timeoutMs, 250);
  if (!pattern.test(text)) {
    throw new Error(`the Engines view row "${name}" should match ${String(pattern)}, shows "${text.replace(/\n/g, ' ')}"`);
  }
  return text;
}

/** The status item's text once it matches `pattern`. */
async function waitForStatus(page: Page, pattern: RegExp): Promise<void> {
  await page.locator('.statusbar-item', { hasText: pattern }).first().waitFor({ timeout: 30_000 });
}

/**
 * Replaces the machine settings as a person would. Engine settings are machine-scoped, and the
 * extension runs on code-server's machine: they live in the Remote settings, not the browser's
 * user settings. Open Remote Settings (JSON), select all, type the new content (one line,
 * inserted at once), drop what the editor auto-closed, save, close.
 */
async function editMachineSettings(page: Page, settings: Readonly<Record<string, unknown>>): Promise<void> {
  await runFromPalette(page, 'Preferences: Open Remote Settings (JSON)');
  const tab = page.locator('.tab.active', { hasText: 'settings.json' }).first();
  await tab.waitFor({ timeout: 15_000 });
  await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText(JSON.stringify(settings));
  // Brackets or quotes the editor auto-closed after the first character sit after the cursor.
  await page.keyboard.press('Shift+ControlOrMeta+End');
  await page.keyboard.press('Delete');
  await page.keyboard.press('ControlOrMeta+S');
  await page.locator('.tab.active:not(.dirty)', { hasText: 'settings.json' }).first().waitFor({ timeout: 15_000 });
  await runFromPalette(page, 'View: Close Editor');
}

export async function runEnginesChecks(page: Page, check: Check, resultsDir: string): Promise<void> {
  const shared = process.env['DOCKER_HOST'] ?? 'unix:///var/run/docker.sock';
  const suffix = uniqueSuffix();
  const remoteVolume = `berthwise-ui-remote-${suffix}`;
  let material: TlsMaterial | undefined;
  let daemon: PrivateDaemon | undefined;
  let port = 0;
  let bothShown = false;
  try {
    await check('ui: two selected engines appear side by side in the Engines view, each with its version, the TLS one marked remote', async () => {
      material = createTlsMaterial();
      port = await freePort();
      daemon = createPrivateDaemon(['-H', `tcp://127.0.0.1:${port}`, '--tlsverify', '--tlscacert', material.server.ca, '--tlscert', material.server.cert, '--tlskey', material.server.key]);
      await daemon.start();
      await new Docker({ socketPath: daemon.socketPath }).createVolume({ Name: remoteVolume, Labels: { [testLabel]: 'true' } });
      await editMachineSettings(page, {
        'berthwise.engine.hosts': [
          { name: localName, host: shared },
          { name: remoteName, host: `tcp://127.0.0.1:${port}`, certPath: material.clientDir },
        ],
        'berthwise.engine.selected': [localName, remoteName],
      });
      await pane(page, 'Engines').waitFor({ timeout: 30_000 });
      await waitForEngineRow(page, localName, /Docker \d+\.\d+[\s\S]*shown in the views/);
      await waitForEngineRow(page, remoteName, new RegExp(`Docker \\d+\\.\\d+[\\s\\S]*remote tcp://127\\.0\\.0\\.1:${port}`));
      await waitForStatus(page, /\(2\/2 engines\)/);
      bothShown = true;
    });
    await check('ui: one click shows the remote engine in the views, and removing its volume names that engine', async () => {
      if (!bothShown || !daemon) {
        throw new Error('the two engines were not shown (the previous check failed)');
      }
      const remoteDocker = new Docker({ socketPath: daemon.socketPath });
      await row(pane(page, 'Engines'), remoteName).click();
      await waitForEngineRow(page, remoteName, /shown in the views/, 30_000);
      const volume = await revealRow(page, pane(page, 'Volumes'), remoteVolume);
      await chooseFromContextMenu(page, volume, 'Remove Volume…');
      const dialog = modalDialog(page);
      await dialog.waitFor({ timeout: 30_000 });
      const text = await dialog.innerText();
      if (!text.includes(`${remoteVolume} from ${remoteName} (tcp://127.0.0.1:${port} (TLS))`)) {
        throw new Error(`the confirmation should name the volume and the engine it acts on, got:\n${text}`);
      }
      await dialog.getByRole('button', { name: 'Remove', exact: true }).click();
      if (await pollUntil(() => volumeExists(remoteDocker, remoteVolume), (exists) => !exists, 30_000)) {
        throw new Error(`${remoteVolume} is still on ${remoteName} after confirming`);
      }
    });
    await check('ui: stopping one engine marks only it unreachable; the other keeps its state and version', async () => {
      if (!bothShown || !daemon) {
        throw new Error('the two engines were not shown (the previous check failed)');
      }
      // The local engine in the views again (one click on its row), then the remote one stops.
      await row(pane(page, 'Engines'), localName).click();
      await waitForEngineRow(page, localName, /shown in the views/, 30_000);
      await daemon.stop();
      await waitForEngineRow(page, remoteName, /unreachable/);
      await waitForEngineRow(page, localName, /Docker \d+\.\d+[\s\S]*shown in the views/, 5_000);
      await waitForStatus(page, /\(1\/2 engines\)/);
      // The tooltip says why, as a person hovering the row would read it.
      const name = row(pane(page, 'Engines'), remoteName).locator('.label-name').first();
      await name.hover();
      const box = await name.boundingBox();
      if (box) {
        await page.mouse.move(box.x + box.width / 2 + 3, box.y + box.height / 2, { steps: 3 }); // a small move, as a hand would
      }
      const hover = page.locator('.monaco-hover, .workbench-hover', { hasText: 'Unreachable:' }).first();
      await hover.waitFor({ timeout: 15_000 });
      await screenshotEngines(page, hover, join(resultsDir, 'engines.png'));
      await page.mouse.move(900, 890);
    });
  } finally {
    await editMachineSettings(page, {}).catch(() => undefined);
    await daemon?.dispose();
    material?.dispose();
  }
}

/** The Engines view with its rows and the open tooltip, cropped to what they cover. */
async function screenshotEngines(page: Page, hover: Locator, path: string): Promise<void> {
  const box = await pane(page, 'Engines').boundingBox();
  if (!box) {
    throw new Error('the Engines view is not on screen');
  }
  const rowsBottom = await pane(page, 'Engines').locator('.monaco-list-rows').first().evaluate((element) => element.getBoundingClientRect().bottom);
  const hoverBox = await hover.boundingBox();
  const bottom = Math.max(Math.min(box.y + box.height, rowsBottom), hoverBox ? hoverBox.y + hoverBox.height : 0) + 8;
  const right = Math.max(box.x + box.width, hoverBox ? hoverBox.x + hoverBox.width : 0) + 8;
  await page.screenshot({ path, clip: { x: box.x, y: box.y, width: right - box.x, height: bottom - box.y } });
}
