/**
 * One connection and one event stream per engine, whoever uses it: the explorer, the Engines view
 * and the status item share the engine the registry holds. Each selected engine is reached through
 * its own counting socket in front of the test engine, and each socket must see exactly one
 * `/events` request once the views and the engine monitor are all up.
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { BerthwiseApi } from '../../../client/src/extension';
import { startCountingProxy, type CountingProxy } from '../../countingProxy';
import { waitFor } from './waitFor';

const extensionId = 'berthwise.berthwise';
const settings = ['berthwise.engine.hosts', 'berthwise.engine.selected'] as const;

const eventStreams = (proxy: CountingProxy): number => proxy.requestLines().filter((line) => /^GET \S*\/events[?\s]/.test(line)).length;

describe('one connection per engine', () => {
  let api: BerthwiseApi;
  let scratch: string;
  const proxies: CountingProxy[] = [];

  before(async () => {
    const extension = vscode.extensions.getExtension<BerthwiseApi>(extensionId);
    assert.ok(extension);
    api = await extension.activate();
    scratch = mkdtempSync(join(tmpdir(), 'berthwise-connections-'));
  });

  after(async function () {
    this.timeout(60_000);
    const config = vscode.workspace.getConfiguration();
    for (const id of settings) {
      await config.update(id, undefined, vscode.ConfigurationTarget.Global);
    }
    await Promise.all(proxies.map((proxy) => proxy.close()));
    rmSync(scratch, { recursive: true, force: true });
  });

  /** Counting sockets named `names`, all forwarding to the test engine, selected in that order. */
  async function select(names: readonly string[]): Promise<CountingProxy[]> {
    const engine = process.env['DOCKER_HOST'] ?? '';
    assert.ok(engine.startsWith('unix://'), 'DOCKER_HOST is the unix socket of the test engine');
    const upstream = engine.slice('unix://'.length);
    const started = await Promise.all(names.map((name) => startCountingProxy(join(scratch, `${name}.sock`), upstream)));
    proxies.push(...started);
    const config = vscode.workspace.getConfiguration();
    await config.update('berthwise.engine.hosts', names.map((name, index) => ({ name, host: `unix://${started[index]?.socketPath ?? ''}` })), vscode.ConfigurationTarget.Global);
    await config.update('berthwise.engine.selected', [...names], vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.view.extension.berthwise');
    return started;
  }

  const states = (): string => api.engineHealth().map((health) => `${health.name}=${health.state}`).join(' ');

  /** The views listed the first engine and the monitor heard every engine's stream connect. */
  async function allUp(names: readonly string[]): Promise<void> {
    const expected = names.map((name) => `${name}=reachable`).join(' ');
    await waitFor(`every selected engine reachable (now: ${states()})`, () => (states() === expected ? true : undefined));
    await waitFor('the containers view to list the shown engine', () => (api.explorerItems('container').some((item) => item.contextValue.startsWith('container.')) ? true : undefined));
  }

  it('with one engine selected: one event stream for the explorer and the Engines view', async function () {
    this.timeout(90_000);
    const [only] = await select(['count-one']);
    assert.ok(only);
    await allUp(['count-one']);
    await vscode.commands.executeCommand('berthwise.explorer.refresh');
    await waitFor('the refresh to reach the engine', () => (only.requestLines().filter((line) => line.includes('/containers/json')).length >= 2 ? true : undefined));
    assert.equal(eventStreams(only), 1, `requests seen: ${only.requestLines().join(' | ')}`);
  });

  it('with several engines selected: one event stream each, the shown one shared', async function () {
    this.timeout(90_000);
    const [shown, second, third] = await select(['count-a', 'count-b', 'count-c']);
    assert.ok(shown && second && third);
    await allUp(['count-a', 'count-b', 'count-c']);
    assert.deepEqual([shown, second, third].map(eventStreams), [1, 1, 1], `requests at the shown engine: ${shown.requestLines().join(' | ')}`);
    assert.equal(second.requestLines().filter((line) => line.includes('/containers/json')).length, 0, 'only the shown engine is listed');
  });
});
