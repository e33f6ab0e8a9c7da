import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hasLabel, parseLabelSelector, planPrune, type PruneInventory, type PruneOptions } from '../../../../../client/src/engine/prune/prunePlan';

const container = (id: string, state: string, extra: Partial<PruneInventory['containers'][number]> = {}): PruneInventory['containers'][number] => ({
  id,
  name: `c-${id}`,
  state,
  imageId: 'sha256:base',
  labels: {},
  sizeRw: 10,
  volumeNames: [],
  networkIds: [],
  ...extra,
});

const inventory: PruneInventory = {
  containers: [
    container('running1', 'running', { volumeNames: ['vol-used-running'], networkIds: ['net-used'] }),
    container('exited1', 'exited', { imageId: 'sha256:old', volumeNames: ['vol-of-exited'] }),
    container('created1', 'created'),
    container('protected1', 'exited', { labels: { 'berthwise.protect': 'true' }, imageId: 'sha256:kept' }),
    container('paused1', 'paused'),
  ],
  images: [
    { id: 'sha256:base', repoTags: ['busybox:latest'], labels: {}, size: 100, sharedSize: 0 },
    { id: 'sha256:old', repoTags: ['app:old', 'app:prev'], labels: {}, size: 300, sharedSize: 100 },
    { id: 'sha256:dangling', repoTags: [], labels: {}, size: 50, sharedSize: 0 },
    { id: 'sha256:dangling2', repoTags: ['<none>:<none>'], labels: { 'berthwise.protect': 'true' }, size: 70, sharedSize: 0 },
    { id: 'sha256:kept', repoTags: [], labels: {}, size: 40, sharedSize: 0 },
    { id: 'sha256:unused', repoTags: ['tool:1'], labels: {}, size: 500, sharedSize: 0 },
  ],
  volumes: [
    { name: 'vol-used-running', createdAt: '2024-05-01T10:00:00Z', labels: {}, size: 5 },
    { name: 'vol-of-exited', createdAt: '2024-05-01T10:00:00Z', labels: {}, size: 6 },
    { name: 'vol-free', createdAt: '2024-05-01T10:00:00Z', labels: {}, size: -1 },
    { name: 'vol-protected', createdAt: '2024-05-01T10:00:00Z', labels: { 'berthwise.protect': 'true' }, size: 8 },
  ],
  networks: [
    { id: 'net-bridge', name: 'bridge', driver: 'bridge', labels: {} },
    { id: 'net-none', name: 'none', driver: 'null', labels: {} },
    { id: 'net-used', name: 'app-net', driver: 'bridge', labels: {} },
    { id: 'net-free', name: 'old-net', driver: 'bridge', labels: {} },
    { id: 'net-protected', name: 'keep-net', driver: 'bridge', labels: { 'berthwise.protect': 'true' } },
  ],
  buildCache: [
    { id: 'cache-free', type: 'regular', description: 'RUN make', size: 1000, inUse: false },
    { id: 'cache-busy', type: 'regular', description: 'RUN test', size: 2000, inUse: true },
  ],
};

const options = (overrides: Partial<PruneOptions>): PruneOptions => ({ kinds: [], allImages: false, protectionLabel: 'berthwise.protect=true', ...overrides });
const ids = (plan: ReturnType<typeof planPrune>): string[] => plan.items.map((item) => item.id);

describe('planPrune', () => {
  const cases: { name: string; options: PruneOptions; expected: string[] }[] = [
    { name: 'containers: only stopped, never protected or paused', options: options({ kinds: ['containers'] }), expected: ['exited1', 'created1'] },
    { name: 'images (dangling): untagged, unused, unprotected', options: options({ kinds: ['images'] }), expected: ['sha256:dangling'] },
    {
      name: 'images (all unused): tagged ones too, but not those a remaining container uses',
      options: options({ kinds: ['images'], allImages: true }),
      expected: ['sha256:dangling', 'sha256:unused'],
    },
    {
      name: 'containers + all images: the image of a pruned container becomes free',
      options: options({ kinds: ['containers', 'images'], allImages: true }),
      expected: ['exited1', 'created1', 'sha256:old', 'sha256:dangling', 'sha256:unused'],
    },
    { name: 'volumes: unused and unprotected (a stopped container still holds its volume)', options: options({ kinds: ['volumes'] }), expected: ['vol-free'] },
    { name: 'networks: custom, unused, unprotected', options: options({ kinds: ['networks'] }), expected: ['net-free'] },
    { name: 'build cache: records not in use', options: options({ kinds: ['buildCache'] }), expected: ['cache-free'] },
    {
      name: 'system without volumes never lists a volume',
      options: options({ kinds: ['containers', 'images', 'networks', 'buildCache'] }),
      expected: ['exited1', 'created1', 'sha256:dangling', 'net-free', 'cache-free'],
    },
    {
      name: 'an empty protection label protects nothing',
      options: options({ kinds: ['volumes'], protectionLabel: '' }),
      expected: ['vol-free', 'vol-protected'],
    },
  ];
  for (const testCase of cases) {
    it(testCase.name, () => {
      assert.deepEqual(ids(planPrune(inventory, testCase.options)), testCase.expected);
    });
  }

  it('lists protected objects as excluded with the reason', () => {
    const plan = planPrune(inventory, options({ kinds: ['containers', 'images', 'volumes', 'networks'] }));
    const protectedIds = plan.excluded.filter((e) => e.reason === 'protected').map((e) => e.id);
    assert.deepEqual(protectedIds.sort(), ['net-protected', 'protected1', 'sha256:dangling2', 'vol-protected']);
  });

  it('counts unique image bytes (size minus shared) and unknown volume sizes as 0 in the total', () => {
    const plan = planPrune(inventory, options({ kinds: ['containers', 'images', 'volumes'], allImages: true }));
    const old = plan.items.find((item) => item.id === 'sha256:old');
    assert.equal(old?.size, 200);
    assert.deepEqual(old?.tags, ['app:old', 'app:prev']);
    assert.equal(plan.totalBytes, plan.items.reduce((sum, item) => sum + item.size, 0));
    assert.equal(plan.items.find((item) => item.id === 'vol-free')?.size, 0);
    // Checked again before removal: a volume made again under the same name is another volume.
    assert.equal(plan.items.find((item) => item.id === 'vol-free')?.createdAt, '2024-05-01T10:00:00Z');
  });

  it('with a scope label considers only objects carrying it and never build cache', () => {
    const scoped: PruneInventory = { ...inventory, volumes: [...inventory.volumes, { name: 'mine', createdAt: '2024-05-01T10:00:01Z', labels: { run: 'x1' }, size: 1 }] };
    const plan = planPrune(scoped, options({ kinds: ['volumes', 'buildCache'], scopeLabel: 'run=x1' }));
    assert.deepEqual(ids(plan), ['mine']);
  });
});

describe('label selectors', () => {
  const cases: [string, Record<string, string>, boolean][] = [
    ['berthwise.protect=true', { 'berthwise.protect': 'true' }, true],
    ['berthwise.protect=true', { 'berthwise.protect': 'false' }, false],
    ['berthwise.protect', { 'berthwise.protect': 'anything' }, true],
    ['berthwise.protect', {}, false],
    [' keep = yes ', { keep: 'yes' }, true],
    ['', { '': '' }, false],
  ];
  for (const [selector, labels, expected] of cases) {
    it(`${JSON.stringify(selector)} on ${JSON.stringify(labels)} → ${expected}`, () => {
      assert.equal(hasLabel(labels, parseLabelSelector(selector)), expected);
    });
  }
});
