import * as assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { createEngine } from '../../client/src/engine/engine';
import type { EngineError } from '../../client/src/engine/errors';
import type { EngineEvent } from '../../client/src/engine/types';
import { createTestContainer, removeLabelled, testDocker, testEngine, testLabel, uniqueSuffix } from '../engineHelpers';
import Docker from 'dockerode';
import { createPrivateDaemon } from './privateDaemon';
import { until } from '../until';

describe('engine events against the real engine', () => {
  const docker = testDocker();
  const suffix = uniqueSuffix();
  after(() => removeLabelled(docker, suffix));

  it('streams typed events for a container, a volume and a network, and stops when cancelled', async () => {
    const engine = testEngine(10_000);
    const seen: EngineEvent[] = [];
    const abort = new AbortController();
    let connected = false;
    const watching = engine.watchEvents(
      { onEvent: (event) => seen.push(event), onConnection: (state) => (connected = state === 'connected') },
      { signal: abort.signal },
    );
    await until('the event stream to connect', () => connected);
    const container = await createTestContainer(docker, `berthwise-ev-${suffix}`, ['sleep', '60'], true);
    const volumeName = `berthwise-ev-vol-${suffix}`;
    await docker.createVolume({ Name: volumeName, Labels: { [testLabel]: 'true' } });
    const network = await docker.createNetwork({ Name: `berthwise-ev-net-${suffix}`, Driver: 'bridge', Internal: true, Labels: { [testLabel]: 'true' } });
    const has = (kind: EngineEvent['kind'], action: string, id: string): boolean => seen.some((e) => e.kind === kind && e.action === action && e.id === id);
    await until('container create/start, volume create and network create events', () =>
      has('container', 'create', container.id) && has('container', 'start', container.id) && has('volume', 'create', volumeName) && has('network', 'create', network.id),
    );
    const start = seen.find((e) => e.kind === 'container' && e.action === 'start' && e.id === container.id);
    assert.equal(start?.attributes['name'], `berthwise-ev-${suffix}`);
    assert.ok((start?.timeMs ?? 0) > Date.now() - 120_000, 'event times are milliseconds since the epoch');
    abort.abort();
    await watching; // resolves once cancelled
    const count = seen.length;
    await docker.getContainer(container.id).remove({ force: true });
    assert.equal(seen.length, count, 'no events are delivered after cancellation');
  });

  it('answers an inspect made after a die or pause event only once the list shows the announced state (what the explorer waits on)', async () => {
    const engine = testEngine(30_000);
    const abort = new AbortController();
    let connected = false;
    const checks: Promise<string>[] = [];
    const ids = new Set<string>();
    const watching = engine.watchEvents(
      {
        onEvent: (event) => {
          if (event.kind !== 'container' || !ids.has(event.id) || (event.action !== 'die' && event.action !== 'pause')) {
            return;
          }
          // What the explorer does on a stale lookup: wait for an inspect, then read the list again.
          checks.push(
            engine
              .inspect('container', event.id)
              .then(() => engine.findContainer(event.id))
              .then((found) => `${event.action}:${found?.state ?? 'gone'}`),
          );
        },
        onConnection: (state) => (connected = state === 'connected'),
      },
      { signal: abort.signal },
    );
    await until('the event stream to connect', () => connected);
    const containers = await Promise.all(
      Array.from({ length: 6 }, (_, index) => createTestContainer(docker, `berthwise-ev-lock-${index}-${suffix}`, ['sleep', '600'], true)),
    );
    containers.forEach((container) => ids.add(container.id));
    await Promise.all(containers.slice(0, 3).map((container) => container.pause()));
    await Promise.all(containers.slice(3).map((container) => container.kill()));
    await until('an event for each container', () => checks.length === containers.length);
    const states = (await Promise.all(checks)).sort();
    abort.abort();
    await watching;
    assert.deepEqual(states, ['die:exited', 'die:exited', 'die:exited', 'pause:paused', 'pause:paused', 'pause:paused']);
  });

  it('reconnects with backoff after its engine is stopped and started again', async () => {
    const daemon = createPrivateDaemon();
    try {
      await daemon.start();
      const engine = createEngine({ kind: 'unix', socketPath: daemon.socketPath }, 5_000);
      const states: { state: string; error?: EngineError }[] = [];
      const seen: EngineEvent[] = [];
      const abort = new AbortController();
      const watching = engine.watchEvents(
        { onEvent: (event) => seen.push(event), onConnection: (state, error) => states.push({ state, ...(error ? { error } : {}) }) },
        { signal: abort.signal, initialBackoffMs: 50, maxBackoffMs: 400 },
      );
      await until('the first connection', () => states.some((s) => s.state === 'connected'));
      await daemon.stop();
      await until('the loss to be reported', () => states.some((s) => s.state === 'disconnected'));
      const downReports = (): number => states.filter((s) => s.state === 'disconnected').length;
      const reportsWhileDown = downReports();
      await daemon.start();
      await until('the reconnection', () => states.filter((s) => s.state === 'connected').length === 2, 60_000);
      assert.equal(downReports(), reportsWhileDown, 'an outage is reported once, not once per failed attempt');
      assert.equal(states.find((s) => s.state === 'disconnected')?.error?.kind, 'unreachable');
      // Events from the restarted engine arrive on the new stream.
      const privateDocker = new Docker({ socketPath: daemon.socketPath });
      const volumeName = `berthwise-reconnect-${suffix}`;
      await privateDocker.createVolume({ Name: volumeName });
      await until('an event from the restarted engine', () => seen.some((e) => e.kind === 'volume' && e.action === 'create' && e.id === volumeName));
      abort.abort();
      await watching;
    } finally {
      await daemon.dispose();
    }
  });
});
