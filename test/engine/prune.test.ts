/**
 * Safe prune against the real engine. Other people's objects share this engine, so every plan here
 * is scoped to a label unique to this run: nothing outside it can ever be planned or removed.
 */
import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Engine } from '../../client/src/engine/engine';
import { planPrune, type PruneKind, type PrunePlan } from '../../client/src/engine/prune/prunePlan';
import { runPrunePlan } from '../../client/src/engine/prune/pruneRun';
import { baseImage, removeLabelled, testDocker, testEngine, testLabel, uniqueSuffix } from '../engineHelpers';

const protectionLabel = 'berthwise.protect=true';

describe('safe prune against the real engine', () => {
  const docker = testDocker();
  const suffix = uniqueSuffix();
  const runLabel = `berthwise.test.run=${suffix}`;
  const labels = (extra: Record<string, string> = {}): Record<string, string> => ({ [testLabel]: 'true', 'berthwise.test.run': suffix, ...extra });
  let engine: Engine;
  const taggedImages: string[] = [];

  const plan = async (kinds: PruneKind[], allImages = false): Promise<PrunePlan> =>
    planPrune(await engine.readPruneInventory(), { kinds, allImages, protectionLabel, scopeLabel: runLabel });
  const execute = (p: PrunePlan) => runPrunePlan(p.items, (item) => engine.removePruneItem(item));
  const createContainer = async (name: string, extraLabels: Record<string, string> = {}, start = false): Promise<string> => {
    const container = await docker.createContainer({ name, Image: baseImage, Cmd: ['sleep', '300'], Labels: labels(extraLabels), HostConfig: { NetworkMode: 'none' } });
    if (start) {
      await container.start();
    }
    return container.id;
  };
  const exists = async (get: () => Promise<unknown>): Promise<boolean> =>
    get().then(
      () => true,
      () => false,
    );

  before(() => {
    engine = testEngine(15_000);
  });
  after(async () => {
    await removeLabelled(docker, suffix);
    for (const tag of taggedImages) {
      await docker.getImage(tag).remove().catch(() => undefined);
    }
  });

  it('containers: removes exactly the stopped ones of the plan; running and protected stay; one created after the preview survives', async () => {
    const stopped = await createContainer(`berthwise-prune-stopped-${suffix}`);
    const running = await createContainer(`berthwise-prune-running-${suffix}`, {}, true);
    const kept = await createContainer(`berthwise-prune-protected-${suffix}`, { 'berthwise.protect': 'true' });
    const preview = await plan(['containers']);
    assert.deepEqual(preview.items.map((i) => i.id), [stopped]);
    assert.ok(preview.excluded.some((e) => e.id === kept && e.reason === 'protected'));
    const late = await createContainer(`berthwise-prune-late-${suffix}`);
    const summary = await execute(preview);
    assert.deepEqual(summary.removed.map((i) => i.id), [stopped]);
    assert.equal(await exists(() => docker.getContainer(stopped).inspect()), false);
    for (const survivor of [running, kept, late]) {
      assert.ok(await exists(() => docker.getContainer(survivor).inspect()), `${survivor} survives`);
    }
  });

  it('volumes: only the unused unprotected one goes; a volume created after the preview survives', async () => {
    const free = `berthwise-prune-vol-free-${suffix}`;
    const guarded = `berthwise-prune-vol-protected-${suffix}`;
    const used = `berthwise-prune-vol-used-${suffix}`;
    for (const [name, extra] of [[free, {}], [guarded, { 'berthwise.protect': 'true' }], [used, {}]] as const) {
      await docker.createVolume({ Name: name, Labels: labels(extra) });
    }
    await docker.createContainer({
      name: `berthwise-prune-volholder-${suffix}`,
      Image: baseImage,
      Cmd: ['true'],
      Labels: labels({ 'berthwise.protect': 'true' }),
      HostConfig: { NetworkMode: 'none', Binds: [`${used}:/data`] },
    });
    const watch = await engine.watchVolumeChanges();
    try {
      const preview = await plan(['volumes']);
      assert.deepEqual(preview.items.map((i) => i.id), [free]);
      // Without the watch started before the preview, nothing proves the volume is the previewed one: it stays.
      const unproven = await execute(preview);
      assert.deepEqual(unproven.removed, []);
      assert.match(unproven.failed[0]?.message ?? '', /cannot be proven/);
      const late = `berthwise-prune-vol-late-${suffix}`;
      await docker.createVolume({ Name: late, Labels: labels() });
      const summary = await runPrunePlan(preview.items, (item) => engine.removePruneItem(item, { volumeWatch: watch }));
      assert.deepEqual(summary.removed.map((i) => i.id), [free]);
      assert.ok(await exists(() => docker.getVolume(late).inspect()), `${late} survives`);
    } finally {
      watch.close();
    }
    assert.equal(await exists(() => docker.getVolume(free).inspect()), false);
    for (const survivor of [guarded, used]) {
      assert.ok(await exists(() => docker.getVolume(survivor).inspect()), `${survivor} survives`);
    }
  });

  it('system without the volume opt-in never plans or removes a volume', async () => {
    const volume = `berthwise-prune-vol-system-${suffix}`;
    await docker.createVolume({ Name: volume, Labels: labels() });
    await createContainer(`berthwise-prune-sys-${suffix}`);
    const preview = await plan(['containers', 'images', 'networks', 'buildCache']);
    assert.ok(preview.items.length > 0);
    assert.ok(preview.items.every((i) => i.kind !== 'volumes'));
    await execute(preview);
    assert.ok(await exists(() => docker.getVolume(volume).inspect()));
  });

  it('networks: an unused custom network goes; a protected one and one created after the preview stay', async () => {
    const free = await docker.createNetwork({ Name: `berthwise-prune-net-free-${suffix}`, Labels: labels() });
    const guarded = await docker.createNetwork({ Name: `berthwise-prune-net-protected-${suffix}`, Labels: labels({ 'berthwise.protect': 'true' }) });
    const preview = await plan(['networks']);
    assert.deepEqual(preview.items.map((i) => i.id), [free.id]);
    const late = await docker.createNetwork({ Name: `berthwise-prune-net-late-${suffix}`, Labels: labels() });
    const summary = await execute(preview);
    assert.deepEqual(summary.removed.map((i) => i.id), [free.id]);
    assert.ok(await exists(() => guarded.inspect()));
    assert.ok(await exists(() => late.inspect()));
  });

  it('images: an unused labelled image is removed by its tag; one in use is reported as refused, not forced', async () => {
    // A labelled image without pulling anything: commit a container of the base image with a label.
    const source = await createContainer(`berthwise-prune-imgsrc-${suffix}`);
    const repo = `berthwise-test/prune-${suffix}`;
    await docker.getContainer(source).commit({ repo, tag: 'a', changes: [`LABEL berthwise.test.run=${suffix}`] });
    taggedImages.push(`${repo}:a`);
    const preview = await plan(['images'], true);
    assert.equal(preview.items.length, 1);
    assert.deepEqual(preview.items[0]?.tags, [`${repo}:a`]);
    // After the preview a container starts using the image: the engine must refuse, we must not force.
    await docker.createContainer({ name: `berthwise-prune-imguser-${suffix}`, Image: `${repo}:a`, Cmd: ['true'], Labels: labels(), HostConfig: { NetworkMode: 'none' } });
    const refused = await execute(preview);
    assert.equal(refused.removed.length, 0);
    assert.equal(refused.failed[0]?.kind, 'conflict');
    assert.ok(await exists(() => docker.getImage(`${repo}:a`).inspect()));
    // Once that container is pruned too, a system plan frees the image and removes it.
    const second = await plan(['containers', 'images'], true);
    assert.ok(second.items.some((i) => i.kind === 'images'));
    const summary = await execute(second);
    assert.equal(summary.failed.length, 0, JSON.stringify(summary.failed));
    assert.equal(await exists(() => docker.getImage(`${repo}:a`).inspect()), false);
    assert.ok(await exists(() => docker.getImage(baseImage).inspect()), 'the base image is untouched');
  });

  it('build cache: a plan scoped to this run never includes build cache records', async () => {
    const preview = await plan(['buildCache']);
    assert.equal(preview.items.length, 0);
    const inventory = await engine.readPruneInventory();
    assert.ok(Array.isArray(inventory.buildCache));
  });
});
