/**
 * Stop and restart of a container that ignores SIGTERM (`sleep` as PID 1), against the real engine:
 * the engine waits the whole grace period before it kills, and the call must not report that wait
 * as an engine that stopped answering. Scaled down from the user's case (10 s deadline, 10 s grace)
 * to a 3 s deadline and a container whose own grace period is also 3 s.
 */
import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Engine } from '../../client/src/engine/engine';
import { defaultStopGraceSeconds } from '../../client/src/engine/resources/lifecycle';
import { baseImage, removeLabelled, testDocker, testEngine, testLabel, uniqueSuffix } from '../engineHelpers';

describe('stop and restart wait the grace period without a false timeout', () => {
  const docker = testDocker();
  const suffix = uniqueSuffix();
  const timeoutMs = 3_000;
  const graceSeconds = 3;
  let engine: Engine;

  before(() => {
    engine = testEngine(timeoutMs);
  });
  after(async () => {
    await removeLabelled(docker, suffix);
  });

  const stubborn = async (name: string, stopTimeout?: number): Promise<string> => {
    const container = await docker.createContainer({
      name: `berthwise-${name}-${suffix}`,
      Image: baseImage,
      Cmd: ['sleep', '3600'], // PID 1 without a SIGTERM handler: the kernel ignores the signal
      Labels: { [testLabel]: 'true' },
      ...(stopTimeout === undefined ? {} : { StopTimeout: stopTimeout }),
      HostConfig: { NetworkMode: 'none' },
    });
    await container.start();
    return container.id;
  };

  it('reads the grace period: the container’s own StopTimeout, else the engine default', async () => {
    assert.equal(await engine.stopGracePeriod(await stubborn('grace-own', graceSeconds)), graceSeconds);
    assert.equal(await engine.stopGracePeriod(await stubborn('grace-default')), defaultStopGraceSeconds);
  });

  for (const action of ['stop', 'restart'] as const) {
    it(`${action}: waits the ${graceSeconds} s grace period, then succeeds although the deadline is ${timeoutMs} ms`, async () => {
      const id = await stubborn(`grace-${action}`, graceSeconds);
      const startedBefore = (await docker.getContainer(id).inspect()).State.StartedAt;
      const began = Date.now();
      await engine.containerAction(id, action);
      const tookMs = Date.now() - began;
      const state = (await docker.getContainer(id).inspect()).State;
      // The engine killed it after the grace period (137), which is why the call took that long.
      assert.ok(tookMs >= graceSeconds * 1000, `took ${tookMs} ms`);
      if (action === 'stop') {
        assert.equal(state.Running, false);
        assert.equal(state.ExitCode, 137);
      } else {
        assert.equal(state.Running, true);
        assert.notEqual(state.StartedAt, startedBefore);
      }
    });
  }
});
