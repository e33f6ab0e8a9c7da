/**
 * A container change re-renders another view only when what that view shows of the containers
 * changed. The reference is the view's own tree: over a series of container changes, whenever the
 * tree built from the copy differs from the last one rendered, ContainerFacts must say "changed";
 * a change the tree does not show (a status change, for the images view) must not re-render it.
 */
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ImageSummary, NetworkSummary, VolumeSummary } from '../../../../client/src/engine/types';
import { ContainerFacts } from '../../../../client/src/explorer/containerFacts';
import { descriptors, formatOnly, type ViewOptions } from '../../../../client/src/explorer/descriptors';
import { ExplorerState } from '../../../../client/src/explorer/explorerState';
import { container } from './fixtures';

const images: ImageSummary[] = [
  { id: 'sha256:app', repoTags: ['app:1'], repoDigests: [], size: 1000, created: 100, labels: {} },
  { id: 'sha256:db', repoTags: ['db:2'], repoDigests: [], size: 1000, created: 100, labels: {} },
];
const volumes: VolumeSummary[] = [{ name: 'data', driver: 'local', mountpoint: '/v/data', scope: 'local', labels: {}, created: 0 }];
const networks: NetworkSummary[] = [{ id: 'net1', name: 'backend', driver: 'bridge', scope: 'local', internal: false, labels: {}, created: 0 }];
const options: ViewOptions = { groupContainersByComposeProject: true, sortBy: 'name', now: 200_000, t: formatOnly };
const onData = { type: 'volume', name: 'data', source: '/v/data', destination: '/data' };
const onBackend = { networkId: 'net1', name: 'backend' };

/** Container changes in order; each is applied to the copy before the views are asked. */
const steps: ((state: ExplorerState) => void)[] = [
  (state) => state.upsert('container', container('web')),
  (state) => state.upsert('container', container('web', { status: 'Up 2 minutes' })),
  (state) => state.upsert('container', container('db', { imageId: 'sha256:db', mounts: [onData] })),
  (state) => state.upsert('container', container('db', { imageId: 'sha256:db', mounts: [onData], state: 'exited', status: 'Exited (0)' })),
  (state) => state.upsert('container', container('web', { status: 'Up 3 minutes', networks: [onBackend] })),
  (state) => state.upsert('container', container('web', { status: 'Up 4 minutes', networks: [onBackend] })),
  (state) => state.upsert('container', container('web', { name: 'web', imageId: 'sha256:db', networks: [onBackend] })),
  (state) => state.remove('container', 'id-db'),
  (state) => state.upsert('container', container('cache')),
];

describe('ContainerFacts', () => {
  for (const kind of ['image', 'volume', 'network'] as const) {
    it(`re-renders the ${kind}s view exactly when its tree changed`, () => {
      const state = new ExplorerState();
      state.replace('container', []);
      state.replace('image', images);
      state.replace('volume', volumes);
      state.replace('network', networks);
      const facts = new ContainerFacts(state);
      facts.track(descriptors[kind]);
      facts.track(descriptors.container); // no facts of its own: ignored
      const tree = (): string => JSON.stringify(descriptors[kind].buildTree(state, options));
      assert.equal(facts.changed(kind), true, 'the first render');
      let rendered = tree();
      let skipped = 0;
      for (const [index, step] of steps.entries()) {
        step(state);
        const changed = facts.changed(kind);
        const current = tree();
        assert.equal(changed, current !== rendered, `step ${index}: the tree ${current !== rendered ? 'changed' : 'did not change'}`);
        skipped += changed ? 0 : 1;
        rendered = changed ? current : rendered;
      }
      assert.ok(skipped > 0, 'some container changes do not touch this view');
    });
  }

  it('never re-renders the containers view through facts (its own kind changed)', () => {
    const facts = new ContainerFacts(new ExplorerState());
    facts.track(descriptors.container);
    assert.equal(facts.changed('container'), false);
  });
});
