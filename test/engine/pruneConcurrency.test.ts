/**
 * Prune under concurrent creation, against the real engine: while a confirmed plan (containers,
 * images, networks and volumes — a system prune with volumes ticked) is executed, new objects keep
 * appearing, a previewed tag is moved to another image and a previewed volume is deleted and created
 * again under its name. Only previewed objects may go; everything created after the preview stays.
 * Every object carries a label unique to this run and the plan is scoped to it.
 */
import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Engine } from '../../client/src/engine/engine';
import { planPrune } from '../../client/src/engine/prune/prunePlan';
import { runPrunePlan } from '../../client/src/engine/prune/pruneRun';
import { baseImage, removeLabelled, testDocker, testEngine, testLabel, uniqueSuffix } from '../engineHelpers';
import { until } from '../until';

describe('prune under concurrent creation removes only what the preview listed', () => {
  const docker = testDocker();
  const suffix = uniqueSuffix();
  const runLabel = `berthwise.test.run=${suffix}`;
  const labels = { [testLabel]: 'true', 'berthwise.test.run': suffix };
  const repo = `berthwise-test/prune-race-${suffix}`;
  const imageRefs: string[] = [];
  let engine: Engine;

  const exists = (get: () => Promise<unknown>): Promise<boolean> =>
    get().then(
      () => true,
      () => false,
    );
  const commitImage = async (tag: string, marker: string): Promise<string> => {
    const source = await docker.createContainer({ name: `berthwise-race-src-${marker}-${suffix}`, Image: baseImage, Cmd: ['true'], Labels: labels, HostConfig: { NetworkMode: 'none' } });
    // A distinct LABEL per marker gives each committed image its own id.
    const committed = (await source.commit({ repo, tag, changes: [`LABEL berthwise.test.run=${suffix} berthwise.test.marker=${marker}`] })) as { Id: string };
    await source.remove({ force: true });
    imageRefs.push(`${repo}:${tag}`);
    return committed.Id;
  };

  before(() => {
    engine = testEngine(15_000);
  });
  after(async () => {
    await removeLabelled(docker, suffix);
    for (const ref of imageRefs) {
      await docker.getImage(ref).remove({ force: true }).catch(() => undefined);
    }
  });

  it('containers, images, networks and volumes: nothing created after the preview is removed', async () => {
    const previewedCount = 6;
    const newNetworkLimit = 6;
    for (let i = 0; i < previewedCount; i += 1) {
      await docker.createContainer({ name: `berthwise-race-old-${i}-${suffix}`, Image: baseImage, Cmd: ['true'], Labels: labels, HostConfig: { NetworkMode: 'none' } });
      await docker.createVolume({ Name: `berthwise-race-oldvol-${i}-${suffix}`, Labels: labels });
      await docker.createNetwork({ Name: `berthwise-race-oldnet-${i}-${suffix}`, Labels: labels });
    }
    const movedImage = await commitImage('moved', 'first');
    const retaggedImage = await commitImage('retagged', 'second');
    const recreatedVolume = `berthwise-race-oldvol-0-${suffix}`;

    // A previewed volume is deleted and made again under its name after the preview. Name and
    // CreatedAt (whole seconds) are all the API shows of a volume, so the hard case is a new volume
    // created within the same second as the old one: the preview is taken again until it is.
    const createdAt = async (name: string): Promise<string> => String(((await docker.getVolume(name).inspect()) as unknown as { CreatedAt: string }).CreatedAt);
    const planOptions = { kinds: ['containers', 'images', 'networks', 'volumes'] as const, allImages: true, protectionLabel: 'berthwise.protect=true', scopeLabel: runLabel };
    let attempt = 0;
    let watch = await engine.watchVolumeChanges();
    let preview = planPrune(await engine.readPruneInventory(), { ...planOptions, kinds: [...planOptions.kinds] });
    for (;;) {
      attempt += 1;
      const oldCreatedAt = await createdAt(recreatedVolume);
      await docker.getVolume(recreatedVolume).remove();
      await docker.createVolume({ Name: recreatedVolume, Labels: labels });
      if ((await createdAt(recreatedVolume)) === oldCreatedAt) {
        break;
      }
      assert.ok(attempt < 20, 'a volume recreated within the second of the old one');
      watch.close();
      watch = await engine.watchVolumeChanges();
      preview = planPrune(await engine.readPruneInventory(), { ...planOptions, kinds: [...planOptions.kinds] });
    }
    const previewed = new Set(preview.items.map((item) => `${item.kind}:${item.id}`));
    const count = (kind: string): number => preview.items.filter((item) => item.kind === kind).length;
    assert.deepEqual([count('containers'), count('images'), count('networks'), count('volumes')], [previewedCount, 2, previewedCount, previewedCount]);
    const recreatedItem = preview.items.find((item) => item.kind === 'volumes' && item.id === recreatedVolume);
    assert.equal(recreatedItem?.createdAt, await createdAt(recreatedVolume), 'the recreated volume looks exactly like the previewed one');

    // Between the confirmation and the run, the previewed tag now names another image.
    const newImageForMovedTag = await commitImage('moved', 'replacement');
    assert.notEqual(newImageForMovedTag, movedImage);
    imageRefs.push(movedImage); // left untagged by the move

    // New objects keep appearing while the plan runs.
    const created: { kind: string; ref: string }[] = [];
    let running = true;
    const creator = (async () => {
      for (let n = 0; running; n += 1) {
        const container = await docker.createContainer({ name: `berthwise-race-new-${n}-${suffix}`, Image: baseImage, Cmd: ['true'], Labels: labels, HostConfig: { NetworkMode: 'none' } });
        created.push({ kind: 'containers', ref: container.id });
        const volume = `berthwise-race-newvol-${n}-${suffix}`;
        await docker.createVolume({ Name: volume, Labels: labels });
        created.push({ kind: 'volumes', ref: volume });
        // Each bridge network takes a subnet from the engine's default pools (31 of them): a few new
        // networks prove the point, and a slow plan run must not exhaust the pools ("could not find
        // an available, non-overlapping IPv4 address pool", seen in CI under load).
        if (n < newNetworkLimit) {
          const network = await docker.createNetwork({ Name: `berthwise-race-newnet-${n}-${suffix}`, Labels: labels });
          created.push({ kind: 'networks', ref: network.id });
        }
        // A new tag on a previewed image: the image must survive under it.
        const tagged = await docker
          .getImage(retaggedImage)
          .tag({ repo, tag: `late-${n}` })
          .then(() => true, () => false);
        if (tagged) {
          imageRefs.push(`${repo}:late-${n}`);
          created.push({ kind: 'tags', ref: `${repo}:late-${n}` });
        }
      }
    })();
    await until('the creator to be under way', () => created.length > 0);
    const createdBeforeRun = created.length;
    const volumeWatch = watch;
    const summary = await runPrunePlan(preview.items, (item) => engine.removePruneItem(item, { volumeWatch })).finally(() => volumeWatch.close());
    const createdDuringRun = created.length - createdBeforeRun;
    running = false;
    await creator;

    const unplanned = summary.removed.filter((item) => !previewed.has(`${item.kind}:${item.id}`));
    assert.deepEqual(unplanned, [], 'only previewed objects are removed');
    assert.ok(createdDuringRun > 0, 'objects were created while the plan ran');
    const lost: string[] = [];
    for (const { kind, ref } of created) {
      const probe = kind === 'containers' ? () => docker.getContainer(ref).inspect() : kind === 'volumes' ? () => docker.getVolume(ref).inspect() : kind === 'networks' ? () => docker.getNetwork(ref).inspect() : () => docker.getImage(ref).inspect();
      if (!(await exists(probe))) {
        lost.push(`${kind} ${ref}`);
      }
    }
    assert.deepEqual(lost, [], 'every object created after the preview survives');
    // The tag moved to another image after the preview: that image keeps it.
    const movedNow = (await docker.getImage(`${repo}:moved`).inspect().catch(() => undefined)) as { Id: string } | undefined;
    assert.equal(movedNow?.Id, newImageForMovedTag, 'the image that took over a previewed tag keeps it');
    // The volume made again under a previewed name is a different object: it stays.
    assert.ok(await exists(() => docker.getVolume(recreatedVolume).inspect()), 'a volume recreated under a previewed name survives');
    const refusedIds = summary.failed.map((failure) => `${failure.item.kind}:${failure.item.id}`).sort();
    assert.deepEqual(refusedIds, [`images:${movedImage}`, `volumes:${recreatedVolume}`].sort(), JSON.stringify(summary.failed));
    for (const failure of summary.failed) {
      assert.equal(failure.kind, 'conflict');
      assert.match(failure.message, /after the preview/);
    }
    assert.equal(summary.removed.length, preview.items.length - 2);
    console.log(`prune race (recreated volume with the same CreatedAt after ${attempt} preview(s)): ${preview.items.length} previewed, ${summary.removed.length} removed, ${createdDuringRun} objects created during the run (${created.length} in all), 0 unplanned removals, 2 changed objects refused`);
  });
});
