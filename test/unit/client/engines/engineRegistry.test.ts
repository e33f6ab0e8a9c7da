/**
 * The engine registry and its shared event stream, over fake engines that count what they were
 * asked: one engine and one `/events` subscription per endpoint however many hold it.
 */
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { EngineEndpoint } from '../../../../client/src/engine/resolution/connection';
import type { Engine } from '../../../../client/src/engine/engine';
import { EngineError } from '../../../../client/src/engine/errors';
import type { EventHandlers } from '../../../../client/src/engine/streams/events';
import type { EngineEvent } from '../../../../client/src/engine/types';
import { EngineRegistry, type ConnectionSettings } from '../../../../client/src/engines/engineRegistry';

interface Counted {
  created: string[];
  disposed: string[];
  /** The open event streams' handlers, per engine. */
  streams: Map<string, EventHandlers[]>;
}

function countingFactory(counted: Counted) {
  return (endpoint: EngineEndpoint): Engine => {
    const key = JSON.stringify(endpoint);
    counted.created.push(key);
    const engine = {
      target: key,
      watchEvents: (handlers: EventHandlers, options: { signal: AbortSignal }) => {
        const open = counted.streams.get(key) ?? [];
        counted.streams.set(key, [...open, handlers]);
        return new Promise<void>((resolve) =>
          options.signal.addEventListener('abort', () => {
            counted.streams.set(key, (counted.streams.get(key) ?? []).filter((entry) => entry !== handlers));
            resolve();
          }),
        );
      },
      dispose: () => void counted.disposed.push(key),
    };
    return engine as unknown as Engine;
  };
}

const socket = (name: string): EngineEndpoint => ({ kind: 'unix', socketPath: `/run/${name}.sock` });
const settings: ConnectionSettings = { timeoutMs: 10_000, transport: {} };
const event: EngineEvent = { kind: 'container', action: 'start', id: 'c1', time: 1 } as unknown as EngineEvent;

describe('EngineRegistry', () => {
  it('gives every holder of one endpoint the same connection, named as each asked', () => {
    const counted: Counted = { created: [], disposed: [], streams: new Map() };
    const registry = new EngineRegistry(countingFactory(counted));
    const explorer = registry.acquire(socket('a'), settings);
    const monitor = registry.acquire(socket('a'), settings, 'shared');
    const other = registry.acquire(socket('b'), settings, 'other');
    assert.equal(counted.created.length, 2, 'one engine per endpoint');
    assert.equal(registry.size, 2);
    assert.equal(explorer.engine.name, undefined);
    assert.equal(monitor.engine.name, 'shared');
    assert.equal(other.engine.name, 'other');
    assert.equal('dispose' in monitor.engine, false, 'a holder cannot close the shared engine');
    registry.dispose();
  });

  it('closes an engine when its last holder releases it, and only then', () => {
    const counted: Counted = { created: [], disposed: [], streams: new Map() };
    const registry = new EngineRegistry(countingFactory(counted));
    const first = registry.acquire(socket('a'), settings);
    const second = registry.acquire(socket('a'), settings);
    first.release();
    first.release(); // a second release of the same lease changes nothing
    assert.deepEqual(counted.disposed, []);
    second.release();
    assert.equal(counted.disposed.length, 1);
    assert.equal(registry.size, 0);
    registry.acquire(socket('a'), settings);
    assert.equal(counted.created.length, 2, 'a new holder after the last release connects again');
    registry.dispose();
    assert.equal(counted.disposed.length, 2);
  });

  it('connects anew when the call deadline or transport changes (the key is what it connects with)', () => {
    const counted: Counted = { created: [], disposed: [], streams: new Map() };
    const registry = new EngineRegistry(countingFactory(counted));
    registry.acquire(socket('a'), settings);
    registry.acquire(socket('a'), { ...settings, timeoutMs: 20_000 });
    registry.acquire(socket('a'), { ...settings, transport: { knownHostsPath: '/k' } });
    assert.equal(counted.created.length, 3);
    registry.dispose();
  });

  it('opens one event stream for all subscribers, fans events out, and closes it with the last', async () => {
    const counted: Counted = { created: [], disposed: [], streams: new Map() };
    const registry = new EngineRegistry(countingFactory(counted));
    const key = JSON.stringify(socket('a'));
    const one = registry.acquire(socket('a'), settings).engine;
    const two = registry.acquire(socket('a'), settings, 'named').engine;
    const heard: string[] = [];
    const firstAbort = new AbortController();
    const secondAbort = new AbortController();
    const firstDone = one.watchEvents({ onEvent: () => void heard.push('one'), onConnection: (state) => void heard.push(`one:${state}`) }, { signal: firstAbort.signal });
    const upstream = counted.streams.get(key)?.[0];
    assert.ok(upstream);
    upstream.onConnection?.('connected');
    const secondDone = two.watchEvents({ onEvent: () => void heard.push('two'), onConnection: (state) => void heard.push(`two:${state}`) }, { signal: secondAbort.signal });
    assert.equal(counted.streams.get(key)?.length, 1, 'one stream for two subscribers');
    upstream.onEvent(event);
    upstream.onConnection?.('disconnected', new EngineError('unreachable', 'gone'));
    assert.deepEqual(heard, ['one:connected', 'two:connected', 'one', 'two', 'one:disconnected', 'two:disconnected']);
    firstAbort.abort();
    await firstDone;
    assert.equal(counted.streams.get(key)?.length, 1, 'the stream stays open for the other subscriber');
    secondAbort.abort();
    await secondDone;
    assert.equal(counted.streams.get(key)?.length, 0, 'the last subscriber closes the stream');
    registry.dispose();
  });

  it('tells a late subscriber that the stream is down, as its own stream would have', () => {
    const counted: Counted = { created: [], disposed: [], streams: new Map() };
    const registry = new EngineRegistry(countingFactory(counted));
    const engine = registry.acquire(socket('a'), settings).engine;
    const abort = new AbortController();
    void engine.watchEvents({ onEvent: () => undefined }, { signal: abort.signal });
    counted.streams.get(JSON.stringify(socket('a')))?.[0]?.onConnection?.('disconnected', new EngineError('unreachable', 'no engine'));
    const states: string[] = [];
    void engine.watchEvents({ onEvent: () => undefined, onConnection: (state, error) => void states.push(`${state}:${error?.message ?? ''}`) }, { signal: abort.signal });
    assert.deepEqual(states, ['disconnected:no engine']);
    abort.abort();
    registry.dispose();
  });
});
