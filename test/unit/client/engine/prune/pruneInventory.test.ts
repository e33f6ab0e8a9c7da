import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { toPrunableBuildCache, toPrunableContainer, toPrunableImage, toPrunableNetwork, toPrunableVolume } from '../../../../../client/src/engine/prune/prune';

// Trimmed from a real `GET /system/df` (Engine API 1.41) and `GET /networks`.
const dfContainer = {
  Id: 'e2494069ecc9c2389ea8ea5e41ef355be2b8a9aae35531ff383c06797199d361',
  Names: ['/berthwise-demo-job'],
  Image: 'berthwise-test/busybox:latest',
  ImageID: 'sha256:7a677f0d1e1d2da015822bbf00811f361bb2272fe8945f323795a063f66db115',
  SizeRootFs: 1984230,
  Labels: { 'berthwise.demo': 'true' },
  State: 'exited',
  NetworkSettings: { Networks: { none: { NetworkID: 'bfaef11df13278784b009b1993cfb61b745b094d95b6f5f933dc9b8455e0a6f9' } } },
  Mounts: [
    { Type: 'volume', Name: 'berthwise-demo-data', Destination: '/data' },
    { Type: 'bind', Source: '/srv', Destination: '/srv' },
  ],
};
const dfImage = {
  Containers: 2,
  Id: 'sha256:7a677f0d1e1d2da015822bbf00811f361bb2272fe8945f323795a063f66db115',
  Labels: null,
  RepoTags: ['berthwise-demo/app:1.0', 'berthwise-test/busybox:latest'],
  SharedSize: 0,
  Size: 1984230,
};
const dfVolume = { Driver: 'local', Labels: { 'berthwise.demo': 'true' }, Name: 'berthwise-demo-data', UsageData: { RefCount: 0, Size: 0 } };

describe('system df → prune inventory', () => {
  it('maps a container with its image id, volume mounts and networks', () => {
    assert.deepEqual(toPrunableContainer(dfContainer), {
      id: dfContainer.Id,
      name: 'berthwise-demo-job',
      state: 'exited',
      imageId: dfContainer.ImageID,
      labels: { 'berthwise.demo': 'true' },
      sizeRw: 0,
      volumeNames: ['berthwise-demo-data'],
      networkIds: ['bfaef11df13278784b009b1993cfb61b745b094d95b6f5f933dc9b8455e0a6f9'],
    });
  });
  it('maps an image, tolerating null labels', () => {
    assert.deepEqual(toPrunableImage(dfImage), { id: dfImage.Id, repoTags: dfImage.RepoTags, labels: {}, size: 1984230, sharedSize: 0 });
    assert.deepEqual(toPrunableImage({ Id: 'sha256:x', RepoTags: ['<none>:<none>'], Size: 5 }).repoTags, []);
  });
  it('maps a volume, with -1 when the engine computed no size', () => {
    assert.equal(toPrunableVolume(dfVolume).size, 0);
    assert.equal(toPrunableVolume({ Name: 'v' }).size, -1);
    assert.equal(toPrunableVolume({ Name: 'v', CreatedAt: '2024-05-01T10:00:00Z' }).createdAt, '2024-05-01T10:00:00Z');
  });
  it('maps a network and a build cache record', () => {
    assert.deepEqual(toPrunableNetwork({ Id: 'n1', Name: 'app', Driver: 'bridge', Labels: { a: 'b' } }), { id: 'n1', name: 'app', driver: 'bridge', labels: { a: 'b' } });
    assert.deepEqual(toPrunableBuildCache({ ID: 'c1', Type: 'regular', Description: 'RUN make', Size: 42, InUse: false }), {
      id: 'c1',
      type: 'regular',
      description: 'RUN make',
      size: 42,
      inUse: false,
    });
  });
  it('survives missing fields without throwing', () => {
    const container = toPrunableContainer({});
    assert.equal(container.name, '');
    assert.deepEqual(container.volumeNames, []);
    assert.deepEqual(container.networkIds, []);
  });
});
