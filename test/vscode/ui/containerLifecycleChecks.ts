/**
 * Stop and Remove Container… as a person uses them from the command palette. Stop of a container
 * that ignores SIGTERM shows a notification while the engine waits its grace period, and no false
 * timeout after it. A stopped container is removed only after the same modal confirmation every
 * other removal asks for, and a running one is stopped gracefully first (the engine's own `die`
 * event carries the exit code its SIGTERM handler chose, where a forced removal kills: 137).
 */
import type Docker from 'dockerode';
import type { Locator, Page } from 'playwright-core';
import { baseImage, removeLabelled, testDocker, testLabel, uniqueSuffix } from '../../engineHelpers';
import { modalDialog, pollUntil, quickInput, runFromPalette, type Check } from './workbench';

async function exists(docker: Docker, id: string): Promise<boolean> {
  return docker
    .getContainer(id)
    .inspect()
    .then(
      () => true,
      () => false,
    );
}

/** The exit codes of the container's `die` events between `sinceSeconds` and now, from the engine's event log. */
async function dieExitCodes(docker: Docker, id: string, sinceSeconds: number): Promise<string[]> {
  const stream = await docker.getEvents({ since: sinceSeconds, until: Math.ceil(Date.now() / 1000), filters: JSON.stringify({ container: [id], event: ['die'] }) });
  let text = '';
  for await (const chunk of stream) {
    text += String(chunk);
  }
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => String((JSON.parse(line) as { Actor?: { Attributes?: { exitCode?: string } } }).Actor?.Attributes?.exitCode));
}

/** Runs a container command from the palette, ticks `name` in its quick pick and accepts. */
async function pickFromPalette(page: Page, command: string, name: string): Promise<void> {
  await runFromPalette(page, command);
  const widget = quickInput(page);
  await widget.locator('input.input').first().fill(name);
  const ours = widget.locator('.monaco-list-row', { hasText: name }).first();
  await ours.waitFor({ timeout: 30_000 });
  await ours.getByRole('checkbox').first().click();
  await widget.locator('input.input').first().press('Enter');
}

/** The notification center's entries showing `text` (this workbench keeps toasts hidden; the center lists every notification). */
const notification = (page: Page, text: string): Locator => page.locator('.notifications-center .monaco-list-row', { hasText: text });

/** Registers the Stop and Remove Container… checks. */
export async function runContainerLifecycleChecks(page: Page, check: Check): Promise<void> {
  const docker = testDocker();
  const suffix = uniqueSuffix();
  const labels = { [testLabel]: 'true' };
  const engineTarget = process.env['DOCKER_HOST'] ?? 'unix:///var/run/docker.sock';
  try {
    await check('ui: Stop waits the grace period of a container ignoring SIGTERM with a notification, and reports no timeout', async () => {
      const name = `berthwise-ui-stop-stubborn-${suffix}`;
      // The user's case: sleep as PID 1 ignores SIGTERM, and its grace period equals the default
      // 10 s call deadline (berthwise.engine.timeoutMs).
      const container = await docker.createContainer({ name, Image: baseImage, Cmd: ['sleep', '3600'], StopTimeout: 10, Labels: labels, HostConfig: { NetworkMode: 'none' } });
      await container.start();
      await pickFromPalette(page, 'Berthwise: Stop', name);
      await runFromPalette(page, 'Notifications: Show Notifications');
      await notification(page, `${name}: waiting up to 10 s`).first().waitFor({ timeout: 8_000 });
      const stopped = await pollUntil(async () => (await container.inspect()).State.Running, (running) => !running, 30_000);
      if (stopped) {
        throw new Error(`${name} still runs`);
      }
      // The old deadline ran out just before the engine answered and reported it as a dead engine.
      const falseAlarm = await pollUntil(() => notification(page, 'did not answer').count(), (count) => count > 0, 3_000);
      if (falseAlarm > 0) {
        throw new Error(`a timeout was reported although the container stopped: ${await notification(page, 'did not answer').first().innerText()}`);
      }
      await runFromPalette(page, 'Notifications: Hide Notifications').catch(() => page.keyboard.press('Escape'));
    });
    await check('ui: Remove Container… asks before removing a stopped container', async () => {
      const name = `berthwise-ui-rm-stopped-${suffix}`;
      const container = await docker.createContainer({ name, Image: baseImage, Cmd: ['true'], Labels: labels, HostConfig: { NetworkMode: 'none' } });
      await pickFromPalette(page, 'Berthwise: Remove Container…', name);
      const dialog = modalDialog(page);
      // Before this fix the container was gone at once, with no question asked.
      await dialog.waitFor({ timeout: 15_000 }).catch(async () => {
        throw new Error(`no confirmation came; the container ${(await exists(docker, container.id)) ? 'is still there' : 'was removed unasked'}`);
      });
      const text = await dialog.innerText();
      if (!text.includes(name) || !text.includes(engineTarget)) {
        throw new Error(`the confirmation should name the container and the engine, got:\n${text}`);
      }
      if (!(await exists(docker, container.id))) {
        throw new Error('the container was removed before the confirmation was answered');
      }
      await dialog.getByRole('button', { name: 'Remove', exact: true }).click();
      if (await pollUntil(() => exists(docker, container.id), (present) => !present, 30_000)) {
        throw new Error(`${name} is still on the engine after confirming`);
      }
    });
    await check('ui: Stop and Remove stops a running container gracefully before removing it', async () => {
      const name = `berthwise-ui-rm-running-${suffix}`;
      const container = await docker.createContainer({
        name,
        Image: baseImage,
        // Exits with its own code on SIGTERM; a kill would end it with 137.
        Cmd: ['sh', '-c', 'trap "exit 3" TERM; while true; do sleep 0.1; done'],
        Labels: labels,
        HostConfig: { NetworkMode: 'none' },
      });
      await container.start();
      const since = Math.floor(Date.now() / 1000) - 1;
      await pickFromPalette(page, 'Berthwise: Remove Container…', name);
      const dialog = modalDialog(page);
      await dialog.waitFor({ timeout: 15_000 });
      await dialog.getByRole('button', { name: 'Stop and Remove', exact: true }).click();
      if (await pollUntil(() => exists(docker, container.id), (present) => !present, 30_000)) {
        throw new Error(`${name} is still on the engine after Stop and Remove`);
      }
      const codes = await dieExitCodes(docker, container.id, since);
      if (codes.length !== 1 || codes[0] !== '3') {
        throw new Error(`the container should have ended through its SIGTERM handler (exit 3), the engine reports exit codes [${codes.join(', ')}]`);
      }
    });
  } finally {
    await removeLabelled(docker, suffix);
  }
}
