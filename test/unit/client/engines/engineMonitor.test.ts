import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Engine } from '../../../../client/src/engine/engine';
import type { EngineCandidate } from '../../../../client/src/engine/resolution/engines';
import { EngineError } from '../../../../client/src/engine/errors';
import type { EventHandlers } from '../../../../client/src/engine/streams/events';
import { EngineMonitor, type EngineHealth } from '../../../../client/src/engines/engineMonitor';
import type { EngineLease } from '../../../../client/src/engines/engineRegistry';

/** A fake engine whose event stream the test drives; `hang` never connects nor fails. */
/** A sole holder's lease: releasing it closes the engine (as the registry does for the last holder). */
function sole(engine: Engine): EngineLease {
  return { engine, release: () => engine.dispose?.() };
}

function fakeEngine(behaviour: 'up' | 'down' | 'hang', streams: Map<string, EventHandlers>, name: string, disposed: string[]): Engine {
  const engine = {
    target: name,
    watchEvents: (handlers: EventHandlers, options: { signal: AbortSignal }) => {
      streams.set(name, handlers);
      if (behaviour === 'up') {
        handlers.onConnection?.('connected');
      } else if (behaviour === 'down') {
        handlers.onConnection?.('disconnected', new EngineError('unreachable', `no engine at ${name}`));
      }
      return new Promise<void>((resolve) => options.signal.addEventListener('abort', () => resolve()));
    },
    version: () => Promise.resolve({ version: '28.1.0', apiVersion: '1.49', os: 'linux', arch: 'amd64' }),
    dispose: () => void disposed.push(name),
  };
  return engine as unknown as Engine;
}

const candidate = (name: string, remote = false): EngineCandidate => ({ name, source: 'configuredHost', endpoint: { kind: 'unix', socketPath: `/${name}.sock` }, remote, isDefault: false });

async function settle(): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
}

describe('EngineMonitor', () => {
  it('tracks each engine on its own: a dead or hung one does not affect the others', async () => {
    const streams = new Map<string, EventHandlers>();
    const behaviours: Record<string, 'up' | 'down' | 'hang'> = { local: 'up', dead: 'down', slow: 'hang' };
    const seen: (readonly EngineHealth[])[] = [];
    const monitor = new EngineMonitor((c) => sole(fakeEngine(behaviours[c.name] ?? 'up', streams, c.name, [])), (health) => void seen.push(health));
    monitor.watch([candidate('local'), candidate('dead', true), candidate('slow', true)]);
    await settle();
    assert.deepEqual(
      monitor.health.map((h) => [h.name, h.state, h.remote, h.version?.version ?? '', h.error ?? '']),
      [
        ['local', 'reachable', false, '28.1.0', ''],
        ['dead', 'unreachable', true, '', 'no engine at dead'],
        ['slow', 'connecting', true, '', ''],
      ],
    );
    assert.ok(seen.length >= 3);
    monitor.dispose();
  });

  it('follows one engine going down and back up, and only that one', async () => {
    const streams = new Map<string, EventHandlers>();
    const monitor = new EngineMonitor((c) => sole(fakeEngine('up', streams, c.name, [])), () => undefined);
    monitor.watch([candidate('a'), candidate('b')]);
    await settle();
    streams.get('b')?.onConnection?.('disconnected', new EngineError('unreachable', 'stopped'));
    assert.deepEqual(monitor.health.map((h) => h.state), ['reachable', 'unreachable']);
    assert.equal(monitor.health[1]?.version, undefined, 'a lost engine forgets its version');
    streams.get('b')?.onConnection?.('connected');
    await settle();
    assert.deepEqual(monitor.health.map((h) => h.state), ['reachable', 'reachable']);
    assert.equal(monitor.health[1]?.error, undefined);
    monitor.dispose();
  });

  it('stops and disposes the previous engines when the selection changes, ignoring their late reports', async () => {
    const streams = new Map<string, EventHandlers>();
    const disposed: string[] = [];
    const monitor = new EngineMonitor((c) => sole(fakeEngine('up', streams, c.name, disposed)), () => undefined);
    monitor.watch([candidate('old')]);
    const oldHandlers = streams.get('old');
    monitor.watch([candidate('new')]);
    oldHandlers?.onConnection?.('disconnected', new EngineError('unreachable', 'late'));
    await settle();
    assert.deepEqual(disposed, ['old']);
    assert.deepEqual(monitor.health.map((h) => [h.name, h.state]), [['new', 'reachable']]);
    monitor.dispose();
    assert.deepEqual(disposed, ['old', 'new']);
  });

  it('keeps the connections of engines still selected when only the order changes', async () => {
    const streams = new Map<string, EventHandlers>();
    const disposed: string[] = [];
    const created: string[] = [];
    const monitor = new EngineMonitor((c) => {
      created.push(c.name);
      return sole(fakeEngine('up', streams, c.name, disposed));
    }, () => undefined);
    monitor.watch([candidate('a'), candidate('b')]);
    await settle();
    monitor.watch([candidate('b'), candidate('c'), candidate('a')], true);
    await settle();
    assert.deepEqual(created, ['a', 'b', 'c'], 'only the new engine gets a connection');
    assert.deepEqual(disposed, []);
    assert.deepEqual(monitor.health.map((h) => [h.name, h.state, h.version?.version]), [['b', 'reachable', '28.1.0'], ['c', 'reachable', '28.1.0'], ['a', 'reachable', '28.1.0']]);
    monitor.watch([candidate('c')], true);
    assert.deepEqual(disposed.sort(), ['a', 'b']);
    // Same name, another address (hosts edited): a new connection, the old one closed.
    monitor.watch([{ ...candidate('c'), endpoint: { kind: 'unix', socketPath: '/elsewhere.sock' } }], true);
    assert.deepEqual(created, ['a', 'b', 'c', 'c']);
    assert.deepEqual(disposed.sort(), ['a', 'b', 'c']);
    monitor.dispose();
  });

  it('skips candidates without an endpoint', () => {
    const monitor = new EngineMonitor(() => assert.fail('no engine for an invalid entry'), () => undefined);
    monitor.watch([{ name: 'bad', source: 'configuredHost', invalid: 'x', remote: false, isDefault: false }]);
    assert.deepEqual(monitor.health, []);
  });
});
