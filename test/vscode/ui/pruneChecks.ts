/**
 * Prune through the UI as a person: command palette → preview QuickPick → untick everything that
 * is not this test's → Enter → modal confirmation → Remove, then ask the engine what is left.
 * Other people's objects share the engine, so the test ticks only its own volume before confirming.
 */
import { join } from 'node:path';
import type Docker from 'dockerode';
import type { Page } from 'playwright-core';
import { baseImage, removeLabelled, testDocker, testLabel, uniqueSuffix } from '../../engineHelpers';
import { modalDialog, pollUntil, quickInput, runFromPalette, type Check } from './workbench';

/** The volumes this check creates: one to prune, one protected by label, one a stopped container uses. */
interface PruneFixture {
  readonly suffix: string;
  readonly unused: string;
  readonly protectedVolume: string;
  readonly inUse: string;
}

const kib = 256;

async function createFixture(docker: Docker): Promise<PruneFixture> {
  const suffix = uniqueSuffix();
  const fixture = { suffix, unused: `berthwise-ui-prune-${suffix}`, protectedVolume: `berthwise-ui-keep-${suffix}`, inUse: `berthwise-ui-inuse-${suffix}` };
  const labels = { [testLabel]: 'true' };
  await docker.createVolume({ Name: fixture.unused, Labels: labels });
  await docker.createVolume({ Name: fixture.protectedVolume, Labels: { ...labels, 'berthwise.protect': 'true' } });
  await docker.createVolume({ Name: fixture.inUse, Labels: labels });
  // Write some data so the preview has a size to show, then remove the writer so the volume is unused again.
  const writer = await docker.createContainer({
    name: `berthwise-ui-writer-${suffix}`,
    Image: baseImage,
    Cmd: ['dd', 'if=/dev/zero', 'of=/data/blob', 'bs=1024', `count=${kib}`],
    Labels: labels,
    HostConfig: { NetworkMode: 'none', Binds: [`${fixture.unused}:/data`] },
  });
  await writer.start();
  await writer.wait();
  await writer.remove();
  // A stopped container still holds its volume: prune must leave it.
  await docker.createContainer({
    name: `berthwise-ui-stopped-${suffix}`,
    Image: baseImage,
    Cmd: ['true'],
    Labels: labels,
    HostConfig: { NetworkMode: 'none', Binds: [`${fixture.inUse}:/data`] },
  });
  return fixture;
}

async function volumeExists(docker: Docker, name: string): Promise<boolean> {
  try {
    await docker.getVolume(name).inspect();
    return true;
  } catch {
    return false;
  }
}

/** Registers the prune checks; screenshots go to `resultsDir/prune-preview.png`. */
export async function runPruneChecks(page: Page, check: Check, resultsDir: string): Promise<void> {
  const docker = testDocker();
  const engineTarget = process.env['DOCKER_HOST'] ?? 'unix:///var/run/docker.sock';
  let fixture: PruneFixture | undefined;
  // Enter is pressed only on a preview this check has narrowed to the test's own volume.
  let previewVetted = false;
  try {
    await check('ui: prune volumes from the command palette previews only unprotected unused volumes', async () => {
      fixture = await createFixture(docker);
      await runFromPalette(page, 'Berthwise: Prune Unused Volumes…');
      const widget = quickInput(page);
      const title = widget.locator('.quick-input-title');
      await title.filter({ hasText: 'Prune on' }).waitFor({ timeout: 60_000 });
      // Untick everything (other people's volumes may be listed), then find and tick only ours.
      const checkAll = widget.getByRole('checkbox', { name: 'Toggle all checkboxes' });
      if (await checkAll.isChecked()) {
        await checkAll.click();
      }
      await pollUntil(() => title.innerText(), (text) => text.includes(': 0 objects'), 5_000);
      await widget.locator('input.input').first().fill(fixture.suffix);
      const ours = widget.locator('.monaco-list-row', { hasText: fixture.unused }).first();
      await ours.waitFor({ timeout: 30_000 });
      for (const hidden of [fixture.protectedVolume, fixture.inUse]) {
        if ((await widget.locator('.monaco-list-row', { hasText: hidden }).count()) > 0) {
          throw new Error(`the preview lists ${hidden}, which prune must keep`);
        }
      }
      await ours.getByRole('checkbox').first().click();
      const titleText = await pollUntil(() => title.innerText(), (text) => text.includes(': 1 object,'), 5_000);
      if (!titleText.includes(engineTarget) || !/: 1 object, \d+(\.\d+)? kB/i.test(titleText)) {
        throw new Error(`the preview title should name the engine, one object and its size, got "${titleText}"`);
      }
      const size = await ours.locator('.label-description').first().innerText();
      if (!/\d+(\.\d+)? kB/i.test(size)) {
        throw new Error(`the volume row should show its size, got "${size}"`);
      }
      // The row shows the volume's whole name once: a volume's id is its name, not a hash to shorten.
      const rowLines = (await ours.innerText()).split('\n').map((line) => line.trim());
      if (rowLines.includes(fixture.unused.slice(0, 12))) {
        throw new Error(`the volume row shows its name cut to 12 characters like an id: ${JSON.stringify(rowLines)}`);
      }
      // The engine's own count of protected volumes (this check made one), in correct English.
      const protectedCount = (await docker.listVolumes({ filters: JSON.stringify({ label: ['berthwise.protect=true'] }) })).Volumes?.length ?? 0;
      const expected = protectedCount === 1 ? '1 protected object is kept' : `${protectedCount} protected objects are kept`;
      const placeholder = (await widget.locator('input.input').first().getAttribute('placeholder')) ?? '';
      if (protectedCount !== 1 || !placeholder.includes(expected)) {
        throw new Error(`the preview should say "${expected}" (the engine has ${protectedCount} protected volumes, this check made 1), got "${placeholder}"`);
      }
      await page.mouse.move(5, 890);
      await widget.screenshot({ path: join(resultsDir, 'prune-preview.png') });
      previewVetted = true;
    });
    await check('ui: confirming the preview and the modal removes exactly the ticked volume', async () => {
      if (!fixture || !previewVetted) {
        throw new Error('no vetted preview to confirm (the previous check failed)');
      }
      await quickInput(page).locator('input.input').first().press('Enter');
      const dialog = modalDialog(page);
      await dialog.waitFor({ timeout: 30_000 });
      const text = await dialog.innerText();
      const bullets = text.split('\n').filter((line) => line.startsWith('•'));
      if (bullets.length !== 1 || !bullets[0]?.includes(fixture.unused) || !text.includes(engineTarget)) {
        throw new Error(`the confirmation should name the engine and list only ${fixture.unused}, got:\n${text}`);
      }
      await dialog.getByRole('button', { name: 'Remove', exact: true }).click();
      const gone = await pollUntil(() => volumeExists(docker, fixture?.unused ?? ''), (exists) => !exists, 30_000);
      if (gone) {
        throw new Error(`${fixture.unused} is still on the engine after confirming`);
      }
      for (const kept of [fixture.protectedVolume, fixture.inUse]) {
        if (!(await volumeExists(docker, kept))) {
          throw new Error(`${kept} was removed although prune must keep it`);
        }
      }
    });
  } finally {
    if (fixture) {
      await removeLabelled(docker, fixture.suffix);
    }
  }
}
