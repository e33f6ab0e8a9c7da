/**
 * Status text stays true in the real workbench without engine calls: a container stopped a moment
 * ago reads "Exited (137) Less than a second ago", and seconds later the Containers view says how
 * many seconds, while the engine, reached through a counting socket, hears no container request.
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { BerthwiseApi } from '../../../client/src/extension';
import type { TreeItemModel } from '../../../client/src/explorer/descriptors';
import { startCountingProxy, type CountingProxy } from '../../countingProxy';
import { createTestContainer, removeLabelled, testDocker, uniqueSuffix } from '../../engineHelpers';
import { waitFor } from './waitFor';

const settings = ['berthwise.engine.hosts', 'berthwise.engine.selected'] as const;

/** Every container item of a view, groups opened. */
function containerItems(items: readonly TreeItemModel[]): TreeItemModel[] {
  return items.flatMap((item) => [...(item.contextValue.startsWith('container.') ? [item] : []), ...containerItems(item.children ?? [])]);
}

describe('relative times in the containers view', () => {
  const docker = testDocker();
  const suffix = uniqueSuffix();
  const name = `berthwise-age-${suffix}`;
  const scratch = mkdtempSync(join(tmpdir(), 'berthwise-age-'));
  let proxy: CountingProxy;
  let api: BerthwiseApi;

  before(async function () {
    this.timeout(120_000);
    const host = process.env['DOCKER_HOST'] ?? 'unix:///var/run/docker.sock';
    assert.ok(host.startsWith('unix://'), `a unix-socket engine (got ${host})`);
    proxy = await startCountingProxy(join(scratch, 'engine.sock'), host.slice('unix://'.length));
    const config = vscode.workspace.getConfiguration();
    await config.update('berthwise.engine.hosts', [{ name: 'counted', host: `unix://${proxy.socketPath}` }], vscode.ConfigurationTarget.Global);
    await config.update('berthwise.engine.selected', ['counted'], vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.view.extension.berthwise');
    const extension = vscode.extensions.getExtension<BerthwiseApi>('berthwise.berthwise');
    assert.ok(extension);
    api = await extension.activate();
    // The views now list through the counting socket: its list call is the proof.
    await waitFor(`the explorer on the counted engine (health: ${JSON.stringify(api.engineHealth())})`, () =>
      api.engineHealth().some((health) => health.name === 'counted' && health.state === 'reachable') && proxy.requestLines().some((line) => line.startsWith('GET /containers/json')) ? true : undefined,
    60_000);
  });
  after(async function () {
    this.timeout(60_000);
    const config = vscode.workspace.getConfiguration();
    for (const id of settings) {
      await config.update(id, undefined, vscode.ConfigurationTarget.Global);
    }
    await removeLabelled(docker, suffix);
    await proxy?.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('"Exited (137) Less than a second ago" counts on from the stored time, with no container request', async function () {
    this.timeout(120_000);
    const item = (): TreeItemModel | undefined => containerItems(api.explorerItems('container')).find((candidate) => candidate.label === name);
    const container = await createTestContainer(docker, name, ['sleep', '600'], true);
    await waitFor('the running container in the view, through the counted engine', () => (item()?.contextValue.startsWith('container.running') ? true : undefined), 60_000);
    await container.kill();
    const stopped = await waitFor('the stop in the view', () => (/Exited \(137\)/.test(item()?.description ?? '') ? item()?.description : undefined), 30_000).catch(async (error: unknown) => {
      const engineSays = (await docker.listContainers({ all: true, filters: JSON.stringify({ id: [container.id] }) }))[0]?.Status;
      throw new Error(`${String(error)}; the row reads "${item()?.description}" while the engine lists "${engineSays}"; asked: ${proxy.requestLines().slice(-8).join(' | ')}`);
    });
    assert.match(stopped, /Exited \(137\) (Less than a second|1 second|2 seconds) ago/);
    // From here on the view must change on its own: count what the engine is asked meanwhile.
    const before = proxy.requestLines().length;
    const counted = await waitFor('the status to count on by itself', () => {
      const match = /Exited \(137\) (\d+) seconds ago/.exec(item()?.description ?? '');
      return match && Number(match[1]) >= 4 ? item()?.description : undefined;
    }, 30_000);
    const asked = proxy.requestLines().slice(before);
    assert.deepEqual(asked.filter((line) => /\/containers\//.test(line)), [], `no container request while the text counted on to "${counted}" (asked: ${asked.join(' | ')})`);
  });
});
