/**
 * The engine goes away under open views, a followed log and an exec session, then comes back.
 * Runs against a private dockerd (stopped and started by its pid); the shared engine is never touched
 * except to copy the test image into the private one.
 */
import * as assert from 'node:assert/strict';
import type { Readable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import Docker from 'dockerode';
import { createEngine, type Engine } from '../../client/src/engine/engine';
import type { EngineError } from '../../client/src/engine/errors';
import type { ExecSession } from '../../client/src/engine/streams/exec';
import { LogFollower, type LogGap } from '../../client/src/engine/streams/logFollower';
import { ExplorerState } from '../../client/src/explorer/explorerState';
import { RefreshController } from '../../client/src/explorer/refreshController';
import { baseImage, testDocker, testLabel, unhandledErrors, uniqueSuffix } from '../engineHelpers';
import { createPrivateDaemon } from './privateDaemon';

/** Polls until the probe holds; returns the milliseconds it took. */
async function waitFor(what: string, probe: () => boolean, timeoutMs: number): Promise<number> {
  const started = Date.now();
  while (!probe()) {
    if (Date.now() - started > timeoutMs) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return Date.now() - started;
}

/** Copies the test image from the shared engine into the private one (nothing can be pulled). */
async function copyTestImage(from: Docker, to: Docker): Promise<void> {
  const archive = (await from.getImage(baseImage).get()) as Readable;
  const progress = (await to.loadImage(archive)) as Readable;
  await new Promise<void>((resolve, reject) => {
    progress.on('error', reject);
    progress.on('end', resolve);
    progress.resume();
  });
}

/** Everything the test observes, each entry stamped with the time it happened. */
interface Observed {
  reachability: { reachable: boolean; at: number; error?: EngineError }[];
  logLines: string[];
  logGaps: { kind: LogGap; at: number }[];
  logFailures: unknown[];
  execExit?: { code: number | undefined; lost?: EngineError; at: number };
}

describe('engine faults: the daemon stops and starts under open views, logs and exec', () => {
  const daemon = createPrivateDaemon();
  const suffix = uniqueSuffix();
  const unhandled = unhandledErrors();
  let privateDocker: Docker;

  before(async () => {
    unhandled.start();
    await daemon.start();
    privateDocker = new Docker({ socketPath: daemon.socketPath });
    await copyTestImage(testDocker(), privateDocker);
  });
  after(async () => {
    unhandled.stop();
    await daemon.dispose();
  });

  it('reports unreachable within 2 s everywhere, recovers within 5 s of the engine answering, nothing unhandled', async () => {
    // The product's defaults: the setting's default timeout and the controller's own reconnect policy.
    const engine: Engine = createEngine({ kind: 'unix', socketPath: daemon.socketPath }, 10_000);
    const observed: Observed = { reachability: [], logLines: [], logGaps: [], logFailures: [] };
    const state = new ExplorerState();
    const controller = new RefreshController({
      engine: () => engine,
      state,
      onDidChange: () => undefined,
      onFailure: () => undefined,
      onReachability: (reachable, detail) => void observed.reachability.push({ reachable, at: Date.now(), ...(detail.error ? { error: detail.error } : {}) }),
      log: () => undefined,
    });
    const name = `berthwise-fault-${suffix}`;
    const container = await privateDocker.createContainer({
      name,
      Image: baseImage,
      // Exits promptly on TERM so the daemon's shutdown does not wait for the kill timeout.
      Cmd: ['sh', '-c', 'trap "exit 0" TERM; i=0; while true; do echo "tick $i"; i=$((i+1)); sleep 0.1; done'],
      Labels: { [testLabel]: 'true' },
      HostConfig: { NetworkMode: 'none' },
    });
    await container.start();
    const reachableNow = (): boolean => observed.reachability.at(-1)?.reachable === true;
    const follower = new LogFollower(engine, container.id, { tail: 10, since: 0 }, {
      line: (text) => void observed.logLines.push(text),
      gap: (kind) => void observed.logGaps.push({ kind, at: Date.now() }),
      failed: (error) => void observed.logFailures.push(error),
    });
    let exec: ExecSession | undefined;
    try {
      controller.setVisible('container', true);
      await waitFor('the explorer to list the container', () => reachableNow() && state.get('container', container.id) !== undefined, 20_000);
      await follower.start();
      await waitFor('log lines', () => observed.logLines.length >= 3, 10_000);
      exec = await engine.startExecSession({ containerId: container.id, cmd: ['sh'] });
      exec.onExit((code, lost) => (observed.execExit = { code, at: Date.now(), ...(lost ? { lost } : {}) }));

      const stopSentAt = Date.now();
      const stopping = daemon.stop();
      const unreachableAfter = await waitFor('the explorer to report the engine unreachable', () => observed.reachability.some((r) => !r.reachable && r.at >= stopSentAt), 2_000);
      await waitFor('the log follower to report the disconnect', () => observed.logGaps.some((g) => g.kind === 'disconnected'), 15_000);
      await waitFor('the exec session to end', () => observed.execExit !== undefined, 15_000);
      await stopping;
      const lostReport = observed.reachability.find((r) => !r.reachable && r.at >= stopSentAt);
      assert.equal(lostReport?.error?.kind, 'unreachable');
      assert.match(lostReport?.error?.message ?? '', new RegExp(daemon.socketPath.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')), 'the message names the engine');
      assert.ok(observed.execExit?.lost, 'the exec session says why it ended instead of closing silently');
      assert.match(observed.execExit.lost.message, /session ended/);
      assert.deepEqual(observed.logFailures, [], 'the follower keeps waiting instead of giving up');

      await daemon.start();
      const answeringAt = Date.now();
      const recoveredAfter = await waitFor(
        'the explorer to be reachable again with a fresh list',
        () => observed.reachability.some((r) => r.reachable && r.at >= answeringAt) && state.get('container', container.id)?.state === 'exited',
        5_000,
      );
      const logReconnectAfter = await waitFor('the log follower to reconnect', () => observed.logGaps.some((g) => g.kind === 'reconnected'), 5_000);
      // The daemon stopped the container with it; once started again its logs flow without user action.
      const linesBefore = observed.logLines.length;
      await privateDocker.getContainer(container.id).start();
      await waitFor('new log lines after the container started again', () => observed.logLines.length > linesBefore + 2, 10_000);
      assert.ok(observed.logGaps.some((g) => g.kind === 'restarted'), `gaps: ${observed.logGaps.map((g) => g.kind).join(', ')}`);
      assert.deepEqual(unhandled.seen, [], 'no unhandled rejection or exception');
      console.log(`faults: unreachable after ${unreachableAfter} ms, explorer recovered ${recoveredAfter} ms and logs ${logReconnectAfter} ms after the engine answered`);
    } finally {
      exec?.close();
      follower.stop();
      controller.dispose();
    }
  });
});
