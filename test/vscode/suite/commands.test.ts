/**
 * Object commands inside the real workbench: invoked with vscode.commands.executeCommand exactly as
 * the tree does ((item, selectedItems) with the tree's model), against objects this test created.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PrunePlan } from '../../../client/src/engine/prune/prunePlan';
import { baseImage, removeLabelled, testDocker, testLabel, uniqueSuffix } from '../../engineHelpers';
import { waitFor } from './waitFor';

describe('object commands', () => {
  const docker = testDocker();
  const suffix = uniqueSuffix();
  const labels = { [testLabel]: 'true', 'berthwise.test.run': suffix };

  after(async () => {
    await removeLabelled(docker, suffix);
  });

  it('stops a running container invoked like the tree does (item, selection)', async () => {
    const name = `berthwise-cmd-stop-${suffix}`;
    const container = await docker.createContainer({
      name,
      Image: baseImage,
      // Exits promptly on SIGTERM so the stop does not wait for the engine's kill timeout.
      Cmd: ['sh', '-c', 'trap "exit 0" TERM; while true; do sleep 0.2; done'],
      Labels: labels,
      HostConfig: { NetworkMode: 'none' },
    });
    await container.start();
    const item = { id: container.id, label: name, contextValue: 'container.running' };
    await vscode.commands.executeCommand('berthwise.container.stop', item, [item]);
    await waitFor('the container to stop', async () => ((await container.inspect()).State.Running ? undefined : true));
  });

  it('stops several selected containers at once: three that ignore SIGTERM wait one grace period, not three', async () => {
    const graceSeconds = 3;
    const containers = await Promise.all(
      [1, 2, 3].map(async (index) => {
        const name = `berthwise-cmd-stop${index}-${suffix}`;
        // `sleep` as PID 1 ignores SIGTERM: each stop waits the whole grace period, then the engine kills.
        const container = await docker.createContainer({ name, Image: baseImage, Cmd: ['sleep', '600'], StopTimeout: graceSeconds, Labels: labels, HostConfig: { NetworkMode: 'none' } });
        await container.start();
        return { container, item: { id: container.id, label: name, contextValue: 'container.running' } };
      }),
    );
    const items = containers.map(({ item }) => item);
    await vscode.commands.executeCommand('berthwise.container.stop', items[0], items);
    const finished = await Promise.all(containers.map(async ({ container }) => (await container.inspect()).State));
    assert.deepEqual(finished.map((state) => state.Running), [false, false, false]);
    // The engine's own clock: one after the other, each would end a grace period after the previous one.
    const times = finished.map((state) => Date.parse(state.FinishedAt));
    const spreadMs = Math.max(...times) - Math.min(...times);
    assert.ok(spreadMs < (graceSeconds * 1000) / 2, `the three ended ${spreadMs} ms apart`);
  });

  it('runs an image from its tree item (none network, a given command)', async () => {
    const item = { id: baseImage, label: baseImage, contextValue: 'image.tagged' };
    const name = `berthwise-cmd-run-${suffix}`;
    const id = await vscode.commands.executeCommand<string>('berthwise.image.run', item, [item], { cmd: ['sleep', '300'], name, networkMode: 'none', labels });
    const info = await docker.getContainer(id).inspect();
    assert.equal(info.Name, `/${name}`);
    assert.equal(info.HostConfig.NetworkMode, 'none');
    await waitFor('the container to run', async () => ((await docker.getContainer(id).inspect()).State.Running ? true : undefined));
  });

  it('opens a read-only inspect document for a container', async () => {
    const name = `berthwise-cmd-inspect-${suffix}`;
    const container = await docker.createContainer({ name, Image: baseImage, Cmd: ['true'], Labels: labels, HostConfig: { NetworkMode: 'none' } });
    const item = { id: container.id, label: name, contextValue: 'container.created' };
    const uris = await vscode.commands.executeCommand<string[]>('berthwise.container.inspect', item, [item]);
    assert.equal(uris.length, 1);
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(uris[0] ?? ''));
    assert.equal(document.uri.scheme, 'berthwise-inspect');
    const parsed = JSON.parse(document.getText()) as { Id?: string };
    assert.equal(parsed.Id, container.id);
  });

  it("prune's plan excludes a protected volume and lists the unprotected one", async () => {
    const free = `berthwise-cmd-vol-free-${suffix}`;
    const guarded = `berthwise-cmd-vol-protected-${suffix}`;
    await docker.createVolume({ Name: free, Labels: labels });
    await docker.createVolume({ Name: guarded, Labels: { ...labels, 'berthwise.protect': 'true' } });
    const plan = await vscode.commands.executeCommand<PrunePlan>('berthwise.prune.volumes', { scopeLabel: `berthwise.test.run=${suffix}`, dryRun: true });
    assert.deepEqual(
      plan.items.map((item) => item.id),
      [free],
    );
    assert.ok(plan.excluded.some((e) => e.id === guarded && e.reason === 'protected'));
    // A dry run removes nothing.
    await docker.getVolume(free).inspect();
  });
});
