import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ContainerSummary, ImageSummary, NetworkSummary, VolumeSummary } from '../../../../client/src/engine/types';
import { containerDescriptor, formatOnly, imageDescriptor, networkDescriptor, volumeDescriptor, type TreeItemModel, type ViewOptions } from '../../../../client/src/explorer/descriptors';
import { ExplorerState } from '../../../../client/src/explorer/explorerState';
import { splitReference } from '../../../../client/src/explorer/imagesDescriptor';
import { container } from './fixtures';

const image = (id: string, repoTags: string[], created = 100): ImageSummary => ({ id, repoTags, repoDigests: [], size: 1000, created, labels: {} });
const volume = (name: string): VolumeSummary => ({ name, driver: 'local', mountpoint: `/v/${name}`, scope: 'local', labels: {}, created: 0 });
const network = (id: string, name: string): NetworkSummary => ({ id, name, driver: 'bridge', scope: 'local', internal: false, labels: {}, created: 0 });

function snapshot(parts: { containers?: ContainerSummary[]; images?: ImageSummary[]; volumes?: VolumeSummary[]; networks?: NetworkSummary[] }): ExplorerState {
  const state = new ExplorerState();
  state.replace('container', parts.containers ?? []);
  state.replace('image', parts.images ?? []);
  state.replace('volume', parts.volumes ?? []);
  state.replace('network', parts.networks ?? []);
  return state;
}
const options = (overrides: Partial<ViewOptions> = {}): ViewOptions => ({ groupContainersByComposeProject: true, sortBy: 'name', now: 200_000, t: formatOnly, ...overrides });
const labels = (items: readonly TreeItemModel[]): string[] => items.map((item) => item.label);

describe('containers view', () => {
  const shop = { 'com.docker.compose.project': 'shop' };
  const state = snapshot({
    containers: [
      container('zeta', { created: 300, state: 'exited' }),
      container('shop-web-1', { labels: shop }),
      container('alpha', { created: 200, state: 'exited' }),
      container('shop-db-1', { labels: shop, state: 'exited' }),
      container('mid', { created: 100 }),
    ],
  });
  it('groups Compose projects first, then the other containers by name', () => {
    const tree = containerDescriptor.buildTree(state, options());
    assert.deepEqual(labels(tree), ['shop', 'alpha', 'mid', 'zeta']);
    assert.equal(tree[0]?.contextValue, 'composeProject');
    assert.deepEqual(labels(tree[0]?.children ?? []), ['shop-db-1', 'shop-web-1']);
    assert.equal(tree[0]?.description, '1 of 2 running');
  });
  it('lists flat when grouping is off', () => {
    assert.deepEqual(labels(containerDescriptor.buildTree(state, options({ groupContainersByComposeProject: false }))), ['alpha', 'mid', 'shop-db-1', 'shop-web-1', 'zeta']);
  });
  const orders: [ViewOptions['sortBy'], string[]][] = [
    ['created', ['zeta', 'alpha', 'mid', 'shop-db-1', 'shop-web-1']],
    ['state', ['mid', 'shop-web-1', 'alpha', 'shop-db-1', 'zeta']],
  ];
  for (const [sortBy, expected] of orders) {
    it(`sorts by ${sortBy}`, () => assert.deepEqual(labels(containerDescriptor.buildTree(state, options({ groupContainersByComposeProject: false, sortBy }))), expected));
  }
  it('keeps the engine id as the item id and the state in contextValue', () => {
    const item = containerDescriptor.buildTree(state, options()).find((model) => model.label === 'zeta');
    assert.equal(item?.id, 'id-zeta');
    assert.equal(item?.contextValue, 'container.exited');
  });
  it('puts id, command, created, mounts and networks in the tooltip', () => {
    const state2 = snapshot({
      containers: [container('db', { mounts: [{ type: 'volume', name: 'data', source: '/x', destination: '/var/db' }], networks: [{ name: 'backend', networkId: 'n1' }] })],
    });
    const tooltip = containerDescriptor.buildTree(state2, options())[0]?.tooltip ?? '';
    for (const part of ['ID: id-db', 'Command: run', 'Created: 1970-01-01 00:01:40 UTC', 'Mounts: data → /var/db', 'Networks: backend']) {
      assert.ok(tooltip.includes(part), `${part} in ${tooltip}`);
    }
  });
});

describe('images view', () => {
  const state = snapshot({
    containers: [container('web', { imageId: 'sha256:aaa' })],
    images: [image('sha256:aaa', ['app:1', 'app:latest', 'registry:5000/team/app:2']), image('sha256:bbb', ['tools:dev']), image('sha256:ccc', [])],
  });
  const tree = imageDescriptor.buildTree(state, options());
  it('groups by repository, dangling images last', () => {
    assert.deepEqual(labels(tree), ['app', 'registry:5000/team/app', 'tools', '<none> (dangling)']);
    assert.equal(tree[3]?.contextValue, 'imageRepository.dangling');
  });
  it('shows an image under every repository it is tagged in, with unique tree ids', () => {
    const app = tree[0]?.children?.[0];
    const registry = tree[1]?.children?.[0];
    assert.equal(app?.id, 'sha256:aaa');
    assert.equal(registry?.id, 'sha256:aaa');
    assert.notEqual(app?.treeId, registry?.treeId);
    assert.equal(app?.label, 'app:1, app:latest');
  });
  it('marks images in use and dangling images', () => {
    assert.match(tree[0]?.children?.[0]?.description ?? '', /in use/);
    assert.doesNotMatch(tree[2]?.children?.[0]?.description ?? '', /in use/);
    assert.equal(tree[3]?.children?.[0]?.contextValue, 'image.dangling');
    assert.match(tree[3]?.children?.[0]?.description ?? '', /dangling/);
    assert.equal(tree[2]?.children?.[0]?.contextValue, 'image.tagged');
  });
  const references: [string, string, string][] = [
    ['busybox:latest', 'busybox', 'latest'],
    ['registry:5000/team/app', 'registry:5000/team/app', 'latest'],
    ['registry:5000/team/app:2', 'registry:5000/team/app', '2'],
  ];
  for (const [reference, repository, tag] of references) {
    it(`splits ${reference}`, () => assert.deepEqual(splitReference(reference), { repository, tag }));
  }
});

describe('volumes and networks views', () => {
  const state = snapshot({
    containers: [
      container('db', { mounts: [{ type: 'volume', name: 'data', source: '/x', destination: '/d' }, { type: 'bind', source: '/h', destination: '/b' }], networks: [{ name: 'backend', networkId: 'n1' }] }),
    ],
    volumes: [volume('data'), volume('cache')],
    networks: [network('n0', 'bridge'), network('n1', 'backend')],
  });
  it('lists the containers using a volume', () => {
    const [cache, data] = volumeDescriptor.buildTree(state, options());
    assert.equal(data?.description, 'local · used by 1');
    assert.equal(cache?.description, 'local · unused');
    assert.deepEqual(labels(data?.children ?? []), ['db']);
    assert.equal(data?.children?.[0]?.contextValue, 'container.running');
    assert.equal(data?.contextValue, 'volume.present');
  });
  it('marks built-in networks and lists connected containers', () => {
    const tree = networkDescriptor.buildTree(state, options());
    const backend = tree.find((n) => n.label === 'backend');
    const bridge = tree.find((n) => n.label === 'bridge');
    assert.equal(backend?.contextValue, 'network.custom');
    assert.equal(bridge?.contextValue, 'network.builtin');
    assert.match(bridge?.description ?? '', /built-in/);
    assert.deepEqual(labels(backend?.children ?? []), ['db']);
    assert.equal(backend?.id, 'n1');
  });
});
