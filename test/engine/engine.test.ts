import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createEngine, type Engine } from '../../client/src/engine/engine';
import { EngineError } from '../../client/src/engine/errors';
import { createTestContainer, removeLabelled, testDocker, testEngine, uniqueSuffix } from '../engineHelpers';

describe('engine layer against the real Docker engine', () => {
  const docker = testDocker();
  const suffix = uniqueSuffix();
  const name = `berthwise-engine-${suffix}`;
  let engine: Engine;

  before(async () => {
    engine = testEngine(10_000);
    await createTestContainer(docker, name, ['sleep', '300'], true);
  });
  after(async () => {
    await removeLabelled(docker, suffix);
  });

  it('pings and reads the engine version', async () => {
    await engine.ping();
    const version = await engine.version();
    assert.match(version.apiVersion, /^\d+\.\d+$/);
  });

  it('lists a running container with its name, image and state', async () => {
    const containers = await engine.listContainers();
    const ours = containers.find((c) => c.name === name);
    assert.ok(ours, `${name} is listed`);
    assert.equal(ours.state, 'running');
    assert.equal(ours.image, 'berthwise-test/busybox:latest');
  });

  it('lists the base image, the built-in networks and volumes', async () => {
    const images = await engine.listImages();
    assert.ok(images.some((image) => image.repoTags.includes('berthwise-test/busybox:latest')));
    const networks = await engine.listNetworks();
    assert.ok(networks.some((network) => network.name === 'none'));
    assert.ok(Array.isArray(await engine.listVolumes()));
  });

  it('reports a missing socket as unreachable with an actionable message', async () => {
    const missing = createEngine({ kind: 'unix', socketPath: `/tmp/berthwise-missing-${suffix}.sock` }, 2000);
    await assert.rejects(missing.ping(), (error: unknown) => {
      assert.ok(error instanceof EngineError);
      assert.equal(error.kind, 'unreachable');
      assert.match(error.message, /Start Docker/);
      return true;
    });
  });

  it('honours cancellation', async () => {
    const controller = new AbortController();
    controller.abort();
    await assert.rejects(engine.listContainers({ signal: controller.signal }), (error: unknown) => error instanceof EngineError && error.kind === 'cancelled');
  });
});
