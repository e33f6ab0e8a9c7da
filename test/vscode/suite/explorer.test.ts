import * as assert from 'node:assert/strict';
import type Docker from 'dockerode';
import * as vscode from 'vscode';
import type { BerthwiseApi } from '../../../client/src/extension';
import type { EngineObjectKind } from '../../../client/src/engine/types';
import type { TreeItemModel } from '../../../client/src/explorer/descriptors';
import { createTestContainer, removeLabelled, testDocker, uniqueSuffix } from '../../engineHelpers';
import { waitFor } from './waitFor';

const extensionId = 'berthwise.berthwise';

/** The engine objects a view shows: every item that carries an engine id (groups and actions excluded). */
function objectIds(items: readonly TreeItemModel[], kind: EngineObjectKind): Set<string> {
  const prefix = `${kind}.`;
  const ids = new Set<string>();
  const visit = (list: readonly TreeItemModel[]): void => {
    for (const item of list) {
      if (item.contextValue.startsWith(prefix)) {
        ids.add(item.id);
      }
      visit(item.children ?? []);
    }
  };
  visit(items);
  return ids;
}

async function engineIds(docker: Docker, kind: EngineObjectKind): Promise<Set<string>> {
  switch (kind) {
    case 'container':
      return new Set((await docker.listContainers({ all: true })).map((c) => c.Id));
    case 'image':
      return new Set((await docker.listImages()).map((i) => i.Id));
    case 'volume':
      return new Set(((await docker.listVolumes()).Volumes ?? []).map((v) => v.Name));
    case 'network':
      return new Set((await docker.listNetworks()).map((n) => n.Id));
  }
}

const sameSet = (a: Set<string>, b: Set<string>): boolean => a.size === b.size && [...a].every((id) => b.has(id));

describe('Docker explorer views', () => {
  const docker = testDocker();
  const suffix = uniqueSuffix();
  let api: BerthwiseApi;

  before(async () => {
    await vscode.commands.executeCommand('workbench.view.extension.berthwise');
    const extension = vscode.extensions.getExtension<BerthwiseApi>(extensionId);
    assert.ok(extension);
    api = await extension.activate();
  });
  after(() => removeLabelled(docker, suffix));

  for (const kind of ['container', 'image', 'volume', 'network'] as const) {
    it(`the ${kind}s view shows exactly the engine's ${kind}s`, async () => {
      // Others use the same engine meanwhile: wait until one reading of the API and the view agree.
      await waitFor(`the ${kind}s view to match the Engine API`, async () => {
        const expected = await engineIds(docker, kind);
        const shown = objectIds(api.explorerItems(kind), kind);
        return expected.size > 0 && sameSet(expected, shown) ? true : undefined;
      });
    });
  }

  it('shows a container stopped through the API as exited, without a manual refresh', async () => {
    const name = `berthwise-vs-stop-${suffix}`;
    const container = await createTestContainer(docker, name, ['sleep', '300'], true);
    const find = (): TreeItemModel | undefined => {
      const visit = (items: readonly TreeItemModel[]): TreeItemModel | undefined => {
        for (const item of items) {
          const found = item.id === container.id ? item : visit(item.children ?? []);
          if (found) {
            return found;
          }
        }
        return undefined;
      };
      return visit(api.explorerItems('container'));
    };
    const running = await waitFor('the new container to appear as running', () => {
      const item = find();
      return item?.contextValue === 'container.running' ? item : undefined;
    });
    await container.stop({ t: 0 });
    await waitFor('the tree to show it exited', () => (find()?.contextValue === 'container.exited' ? true : undefined), 10_000);
    // Updated in place: the object VS Code holds (and so its handle for menu commands) survives the change.
    assert.equal(find(), running, 'the same tree item object before and after the state change');
    await container.remove();
    await waitFor('the tree to drop it', () => (find() === undefined ? true : undefined), 10_000);
  });

  it('shows a malformed engine host as an inline error with Retry, Open Settings and Show Logs, then recovers', async () => {
    const config = vscode.workspace.getConfiguration();
    await config.update('berthwise.engine.host', 'tcp//not-a-host', vscode.ConfigurationTarget.Global);
    try {
      const error = await waitFor('the inline error item', () => api.explorerItems('container').find((item) => item.contextValue === 'explorer.error'));
      assert.match(error.description, /tcp\/\/not-a-host/);
      assert.deepEqual(
        error.children?.map((child) => child.command),
        ['berthwise.explorer.refresh', 'berthwise.engine.openSettings', 'berthwise.engine.showLog'],
      );
    } finally {
      await config.update('berthwise.engine.host', undefined, vscode.ConfigurationTarget.Global);
    }
    await waitFor('the containers to come back', () => (objectIds(api.explorerItems('container'), 'container').size > 0 ? true : undefined));
  });

  it('leaves an unreachable engine to the welcome content (an empty tree), then recovers', async () => {
    const config = vscode.workspace.getConfiguration();
    await config.update('berthwise.engine.host', `unix:///nonexistent-${suffix}/docker.sock`, vscode.ConfigurationTarget.Global);
    try {
      await waitFor('the tree to empty', () => (api.explorerItems('container').length === 0 ? true : undefined));
    } finally {
      await config.update('berthwise.engine.host', undefined, vscode.ConfigurationTarget.Global);
    }
    await waitFor('the containers to come back', () => (objectIds(api.explorerItems('container'), 'container').size > 0 ? true : undefined));
  });
});
