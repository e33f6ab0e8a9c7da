/** Every lifecycle action and inspect against the real engine, on objects this test creates. */
import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Engine } from '../../client/src/engine/engine';
import { EngineError } from '../../client/src/engine/errors';
import type { ContainerAction } from '../../client/src/engine/resources/lifecycle';
import { baseImage, removeLabelled, testDocker, testEngine, testLabel, uniqueSuffix } from '../engineHelpers';

/** Polls until the probe returns a value, with a deadline. */
async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('lifecycle actions against the real engine', () => {
  const docker = testDocker();
  const suffix = uniqueSuffix();
  const labels = { [testLabel]: 'true' };
  let engine: Engine;
  let containerId = '';
  const extraTags: string[] = [];

  const state = async (): Promise<string> => (await docker.getContainer(containerId).inspect()).State.Status;

  before(async () => {
    engine = testEngine(15_000);
    const container = await docker.createContainer({
      name: `berthwise-life-${suffix}`,
      Image: baseImage,
      // Exits on SIGTERM at once, so stop and restart do not wait for the kill timeout.
      Cmd: ['sh', '-c', 'trap "exit 0" TERM; while true; do sleep 0.2; done'],
      Labels: labels,
      HostConfig: { NetworkMode: 'none' },
    });
    containerId = container.id;
  });
  after(async () => {
    await removeLabelled(docker, suffix);
    for (const tag of extraTags) {
      await docker.getImage(tag).remove().catch(() => undefined);
    }
  });

  const steps: [ContainerAction, string][] = [
    ['start', 'running'],
    ['pause', 'paused'],
    ['unpause', 'running'],
    ['restart', 'running'],
    ['stop', 'exited'],
    ['start', 'running'],
    ['kill', 'exited'],
  ];
  for (const [index, [action, expected]] of steps.entries()) {
    it(`step ${index + 1}: ${action} → ${expected}`, async () => {
      await engine.containerAction(containerId, action);
      assert.equal(await waitFor(`state ${expected}`, async () => ((await state()) === expected ? expected : undefined)), expected);
    });
  }

  it('renames a container', async () => {
    const newName = `berthwise-life-renamed-${suffix}`;
    await engine.renameContainer(containerId, newName);
    assert.equal((await docker.getContainer(containerId).inspect()).Name, `/${newName}`);
  });

  it('refuses to remove a running container without force, removes it with force', async () => {
    await engine.containerAction(containerId, 'start');
    await assert.rejects(engine.removeContainer(containerId, false), (error: unknown) => error instanceof EngineError && error.kind === 'conflict');
    await engine.removeContainer(containerId, true);
    await assert.rejects(docker.getContainer(containerId).inspect());
  });

  it('reports a missing container as notFound', async () => {
    await assert.rejects(engine.containerAction(`missing-${suffix}`, 'start'), (error: unknown) => error instanceof EngineError && error.kind === 'notFound');
  });

  it('tags an image and removes only that tag', async () => {
    const repository = `berthwise-test/life-${suffix}`;
    await engine.tagImage(baseImage, repository, 'v1');
    extraTags.push(`${repository}:v1`);
    const tagged = await docker.getImage(`${repository}:v1`).inspect();
    assert.ok(tagged.RepoTags.includes(baseImage));
    await engine.removeImage(`${repository}:v1`);
    await assert.rejects(docker.getImage(`${repository}:v1`).inspect());
    await docker.getImage(baseImage).inspect();
  });

  it('creates, inspects and removes a volume', async () => {
    const name = `berthwise-life-vol-${suffix}`;
    assert.equal(await engine.createVolume(name, labels), name);
    const inspected = (await engine.inspect('volume', name)) as { Name?: string };
    assert.equal(inspected.Name, name);
    await engine.removeVolume(name);
    await assert.rejects(docker.getVolume(name).inspect());
  });

  it('creates a network, disconnects and connects a container, and removes the network', async () => {
    const networkName = `berthwise-life-net-${suffix}`;
    const networkId = await engine.createNetwork(networkName, labels);
    // Never started: it has no network access, and membership of a created container can change.
    // (A created container has no endpoint yet, so membership shows by network name, not id.)
    const member = await docker.createContainer({
      name: `berthwise-life-member-${suffix}`,
      Image: baseImage,
      Cmd: ['true'],
      Labels: labels,
      HostConfig: { NetworkMode: networkId },
    });
    const networksOf = async (): Promise<string[]> => Object.keys((await member.inspect()).NetworkSettings.Networks);
    await engine.disconnectNetwork(networkId, member.id);
    assert.deepEqual(await networksOf(), []);
    await engine.connectNetwork(networkId, member.id);
    assert.deepEqual(await networksOf(), [networkName]);
    await member.remove({ force: true });
    await engine.removeNetwork(networkId);
    await assert.rejects(docker.getNetwork(networkId).inspect());
  });

  it('runs an image: creates and starts a container with the given command on the none network', async () => {
    const id = await engine.runContainer({ image: baseImage, cmd: ['sleep', '300'], name: `berthwise-life-run-${suffix}`, networkMode: 'none', labels });
    const info = await docker.getContainer(id).inspect();
    assert.equal(info.State.Running, true);
    assert.deepEqual(info.Config.Cmd, ['sleep', '300']);
    assert.equal(info.HostConfig.NetworkMode, 'none');
  });

  it('inspects every kind into the engine JSON', async () => {
    const container = await docker.createContainer({ name: `berthwise-life-insp-${suffix}`, Image: baseImage, Cmd: ['true'], Labels: labels, HostConfig: { NetworkMode: 'none' } });
    const cases: [Parameters<Engine['inspect']>[0], string, string][] = [
      ['container', container.id, 'Id'],
      ['image', baseImage, 'Id'],
      ['network', 'none', 'Name'],
    ];
    for (const [kind, id, field] of cases) {
      const json = (await engine.inspect(kind, id)) as Record<string, unknown>;
      assert.equal(typeof json[field], 'string', `${kind} has ${field}`);
    }
  });
});
