/**
 * The explorer keeps the tree items VS Code holds as the same objects while only their looks change,
 * and reports which ones changed; adding, removing or reordering items asks for a whole refresh.
 */
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TreeItemModel } from '../../../../client/src/explorer/descriptors';
import { StableTree } from '../../../../client/src/explorer/stableTree';

function item(id: string, description: string, children?: TreeItemModel[]): TreeItemModel {
  let tooltipReads = 0;
  return {
    id,
    label: id,
    description,
    get tooltip(): string {
      tooltipReads += 1;
      return `${id} (${description}, read ${tooltipReads})`;
    },
    contextValue: `container.${description}`,
    icon: 'vm',
    ...(children ? { children, expanded: true } : {}),
  };
}

const tree = (): StableTree => new StableTree((model) => model.id);

describe('stable tree items', () => {
  it('asks for a whole refresh on the first render and when items are added, removed or reordered', () => {
    const stable = tree();
    assert.equal(stable.render([item('a', 'running'), item('b', 'exited')]).kind, 'all');
    assert.equal(stable.render([item('a', 'running'), item('b', 'exited'), item('c', 'created')]).kind, 'all');
    assert.equal(stable.render([item('a', 'running'), item('c', 'created')]).kind, 'all');
    assert.equal(stable.render([item('c', 'created'), item('a', 'running')]).kind, 'all');
    assert.equal(stable.render([item('g', '', [item('c', 'created')]), item('a', 'running')]).kind, 'all');
  });

  it('says nothing when nothing VS Code draws changed', () => {
    const stable = tree();
    stable.render([item('a', 'running'), item('b', 'exited')]);
    assert.deepEqual(stable.render([item('a', 'running'), item('b', 'exited')]), { kind: 'none' });
  });

  it('updates a changed item in place and names only it', () => {
    const stable = tree();
    stable.render([item('a', 'running'), item('b', 'running')]);
    const [keptA, keptB] = stable.items;
    const change = stable.render([item('a', 'running'), item('b', 'exited')]);
    assert.equal(change.kind, 'items');
    assert.ok(change.kind === 'items' && change.items.length === 1 && change.items[0] === keptB, 'the kept object of b, nothing else');
    assert.equal(stable.items[0], keptA);
    assert.equal(stable.items[1], keptB);
    assert.equal(keptB?.description, 'exited');
    assert.equal(keptB?.contextValue, 'container.exited');
  });

  it('keeps a lazy tooltip lazy and takes it from the newest render', () => {
    const stable = tree();
    stable.render([item('a', 'running')]);
    stable.render([item('a', 'paused')]);
    const kept = stable.items[0] as TreeItemModel;
    assert.equal(kept.tooltip, 'a (paused, read 1)');
    assert.equal(kept.tooltip, 'a (paused, read 2)', 'still a getter, not a copied value');
    // A render that changes only what the tooltip says (e.g. a network joined) reaches the hover.
    const sameLooks = { ...item('a', 'paused'), tooltip: 'a, now on network n' };
    assert.deepEqual(stable.render([sameLooks]), { kind: 'none' });
    assert.equal(stable.newest(kept).tooltip, 'a, now on network n');
  });

  it('updates children in place and keeps the kept children under the kept group', () => {
    const stable = tree();
    stable.render([item('g', '1 of 2 running', [item('a', 'running'), item('b', 'running')])]);
    const group = stable.items[0];
    const [childA, childB] = group?.children ?? [];
    const change = stable.render([item('g', '1 of 2 running', [item('a', 'running'), item('b', 'exited')])]);
    assert.ok(change.kind === 'items' && change.items.length === 1 && change.items[0] === childB);
    assert.equal(stable.items[0], group);
    assert.equal(group?.children?.[0], childA);
    assert.equal(group?.children?.[1], childB);
    assert.equal(childB?.description, 'exited');
  });

  it('drops a field the newest render no longer has', () => {
    const stable = tree();
    stable.render([{ ...item('a', 'running'), iconColor: 'charts.green' }]);
    const change = stable.render([item('a', 'running')]);
    assert.equal(change.kind, 'items');
    assert.equal('iconColor' in (stable.items[0] ?? {}), false);
  });
});
