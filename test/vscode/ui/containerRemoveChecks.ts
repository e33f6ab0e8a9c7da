/**
 * Remove Container… as a person uses it from the command palette: a stopped container is removed
 * only after the same modal confirmation every other removal asks for, and a running one is stopped
 * gracefully first (the engine's own `die` event carries the exit code its SIGTERM handler chose,
 * where a forced removal would have killed it: 137).
 */
import type Docker from 'dockerode';
import type { Page } from 'playwright-core';
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

/** Picks `name` in the Remove Container… quick pick and accepts; returns the modal that should follow. */
async function removeFromPalette(page: Page, name: string): Promise<void> {
  await runFromPalette(page, 'Berthwise: Remove Container…');
  const widget = quickInput(page);
  await widget.locator('input.input').first().fill(name);
  const ours = widget.locator('.monaco-list-row', { hasText: name }).first();
  await ours.waitFor({ timeout: 30_000 });
  await ours.getByRole('checkbox').first().click();
  await widget.locator('input.input').first().press('Enter');
}

/** Registers the Remove Container… checks. */
export async function runContainerRemoveChecks(page: Page, check: Check): Promise<void> {
  const docker = testDocker();
  const suffix = uniqueSuffix();
  const labels = { [testLabel]: 'true' };
  const engineTarget = process.env['DOCKER_HOST'] ?? 'unix:///var/run/docker.sock';
  try {
    await check('ui: Remove Container… asks before removing a stopped container', async () => {
      const name = `berthwise-ui-rm-stopped-${suffix}`;
      const container = await docker.createContainer({ name, Image: baseImage, Cmd: ['true'], Labels: labels, HostConfig: { NetworkMode: 'none' } });
      await removeFromPalette(page, name);
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
      await removeFromPalette(page, name);
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
