/**
 * Two engines side by side in the real editor: the shared test engine and a private dockerd, both
 * selected. Stopping the private one must mark only it unreachable while the shared one and the
 * explorer carry on; the doctor names both.
 */
import * as assert from 'node:assert/strict';
import Docker from 'dockerode';
import * as vscode from 'vscode';
import type { BerthwiseApi } from '../../../client/src/extension';
import { createPrivateDaemon, type PrivateDaemon } from '../../engine/privateDaemon';
import { waitFor } from './waitFor';

const extensionId = 'berthwise.berthwise';
const settings = ['berthwise.engine.hosts', 'berthwise.engine.selected'] as const;

describe('several engines side by side', () => {
  let api: BerthwiseApi;
  let daemon: PrivateDaemon;

  before(async function () {
    this.timeout(120_000);
    const shared = process.env['DOCKER_HOST'];
    assert.ok(shared, 'DOCKER_HOST names the shared test engine');
    daemon = createPrivateDaemon();
    await daemon.start();
    const config = vscode.workspace.getConfiguration();
    await config.update('berthwise.engine.hosts', [
      { name: 'shared', host: shared },
      { name: 'private', host: `unix://${daemon.socketPath}` },
    ], vscode.ConfigurationTarget.Global);
    await config.update('berthwise.engine.selected', ['shared', 'private'], vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.view.extension.berthwise');
    const extension = vscode.extensions.getExtension<BerthwiseApi>(extensionId);
    assert.ok(extension);
    api = await extension.activate();
  });

  after(async function () {
    this.timeout(60_000);
    const config = vscode.workspace.getConfiguration();
    for (const id of settings) {
      await config.update(id, undefined, vscode.ConfigurationTarget.Global);
    }
    await daemon?.dispose();
  });

  const states = (): string => api.engineHealth().map((h) => `${h.name}=${h.state}`).join(' ');

  it('watches both selected engines, each reachable', async () => {
    await waitFor(`both engines reachable (now: ${states()})`, () => (states() === 'shared=reachable private=reachable' ? true : undefined));
    assert.ok(api.engineHealth().every((h) => h.version !== undefined || h.state === 'reachable'));
  });

  it('marks only the stopped engine unreachable, and the explorer keeps listing the other', async function () {
    this.timeout(90_000);
    await daemon.stop();
    await waitFor(`only the private engine unreachable (now: ${states()})`, () => (states() === 'shared=reachable private=unreachable' ? true : undefined));
    const privateHealth = api.engineHealth().find((h) => h.name === 'private');
    assert.match(privateHealth?.error ?? '', /private|docker\.sock|ENOENT|ECONNREFUSED|ended/);
    await vscode.commands.executeCommand('berthwise.explorer.refresh');
    await waitFor('the containers view to list the shared engine', () => (api.explorerItems('container').some((item) => item.contextValue.startsWith('container.')) ? true : undefined));
  });

  it('sees the private engine come back', async function () {
    this.timeout(90_000);
    await daemon.start();
    await waitFor(`both engines reachable again (now: ${states()})`, () => (states() === 'shared=reachable private=reachable' ? true : undefined), 30_000);
  });

  it('switching the engine re-points every view to it', async function () {
    this.timeout(90_000);
    const volumeName = `berthwise-engines-${Date.now().toString(36)}`;
    await new Docker({ socketPath: daemon.socketPath }).createVolume({ Name: volumeName, Labels: { 'berthwise.test': 'true' } });
    const volumes = (): string[] => api.explorerItems('volume').filter((item) => item.contextValue.startsWith('volume.')).map((item) => item.id);
    await vscode.commands.executeCommand('berthwise.explorer.refresh');
    await waitFor('the shared engine in the volumes view', () => (volumes().length > 0 && !volumes().includes(volumeName) ? true : undefined));
    // What a click on its row in the Engines view does: put the chosen engine first.
    assert.equal(await vscode.commands.executeCommand('berthwise.engine.show', 'private'), 'private');
    assert.deepEqual(vscode.workspace.getConfiguration().inspect('berthwise.engine.selected')?.globalValue, ['private', 'shared']);
    await vscode.commands.executeCommand('workbench.view.extension.berthwise');
    await waitFor(`the private engine's volume alone in the view (now: ${volumes().join(', ')})`, () => (volumes().join(',') === volumeName ? true : undefined));
    await vscode.workspace.getConfiguration().update('berthwise.engine.selected', ['shared', 'private'], vscode.ConfigurationTarget.Global);
    await waitFor('the shared engine back in the volumes view', () => (volumes().length > 0 && !volumes().includes(volumeName) ? true : undefined));
    await waitFor(`both engines reachable after the switch (now: ${states()})`, () => (states() === 'shared=reachable private=reachable' ? true : undefined));
  });

  it('the doctor reports every engine with its reachability', async () => {
    const findings = await vscode.commands.executeCommand<{ candidate: { name: string }; status: string }[] | undefined>('berthwise.engine.doctor');
    assert.ok(findings);
    const byName = new Map(findings.map((finding) => [finding.candidate.name, finding.status]));
    assert.equal(byName.get('shared'), 'reachable');
    assert.equal(byName.get('private'), 'reachable');
    const report = vscode.workspace.textDocuments.find((document) => document.uri.scheme === 'berthwise-doctor');
    assert.match(report?.getText() ?? '', /Berthwise engine doctor[\s\S]*\| shared/);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
