import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Engine } from '../../../../client/src/engine/engine';
import { EngineError } from '../../../../client/src/engine/errors';
import type { EventHandlers } from '../../../../client/src/engine/streams/events';
import type { ContainerSummary, EngineEvent, EngineObjectKind } from '../../../../client/src/engine/types';
import { ExplorerState } from '../../../../client/src/explorer/explorerState';
import { RefreshController } from '../../../../client/src/explorer/refreshController';
import { until } from '../../../until';

const container = (id: string, state = 'running'): ContainerSummary => ({
  id,
  name: id,
  image: 'i',
  imageId: 'sha256:i',
  command: '',
  created: 0,
  state,
  status: state,
  labels: {},
  ports: [],
  mounts: [],
  networks: [],
});

/** A scripted engine: records every call, streams the events the test pushes. */
class FakeEngine {
  readonly calls: string[] = [];
  containers = [container('a'), container('b')];
  handlers: EventHandlers | undefined;
  watching = false;
  /** Runs after each container lookup has read its answer (to change the engine between lookups). */
  afterLookup: (() => void) | undefined;
  /** Runs before an inspect answers: Docker answers one only once a container's new state is saved. */
  onInspect: (() => void) | undefined;
  /** While set, an inspect waits for it (the engine still holds the container's lock), then runs afterInspect. */
  inspectGate: Promise<void> | undefined;
  afterInspect: (() => void) | undefined;
  asEngine(): Engine {
    const record = <T>(name: string, value: T): Promise<T> => {
      this.calls.push(name);
      return Promise.resolve(value);
    };
    const fake: Partial<Engine> = {
      version: () => record('version', { version: '1', apiVersion: '1.47', os: 'linux', arch: 'amd64' }),
      listContainers: () => record('listContainers', [...this.containers]),
      listImages: () => record('listImages', []),
      listVolumes: () => record('listVolumes', []),
      listNetworks: () => record('listNetworks', []),
      findContainer: (id) => {
        const answer = record(`findContainer:${id}`, this.containers.find((c) => c.id === id));
        this.afterLookup?.();
        return answer;
      },
      inspect: async (_kind, id) => {
        this.calls.push(`inspect:${id}`);
        this.onInspect?.();
        await this.inspectGate;
        this.afterInspect?.();
        return {};
      },
      watchEvents: (handlers, options) => {
        this.calls.push('watchEvents');
        this.handlers = handlers;
        this.watching = true;
        handlers.onConnection?.('connected');
        return new Promise<void>((resolve) =>
          options.signal.addEventListener('abort', () => {
            this.watching = false;
            resolve();
          }),
        );
      },
    };
    return fake as Engine;
  }
  emit(kind: EngineObjectKind, action: string, id: string, attributes: Record<string, string> = {}): void {
    const event: EngineEvent = { kind, action, id, attributes, timeMs: Date.now() };
    this.handlers?.onEvent(event);
  }
}

function setup(overrides: { reconcileIntervalMs?: number } = {}): {
  fake: FakeEngine;
  state: ExplorerState;
  controller: RefreshController;
  changes: Set<EngineObjectKind>[];
  failures: (EngineError | undefined)[];
  logs: string[];
} {
  const fake = new FakeEngine();
  const engine = fake.asEngine();
  const state = new ExplorerState();
  const changes: Set<EngineObjectKind>[] = [];
  const failures: (EngineError | undefined)[] = [];
  const logs: string[] = [];
  const controller = new RefreshController({
    engine: () => engine,
    state,
    onDidChange: (kinds) => changes.push(new Set(kinds)),
    onFailure: (_kind, error) => failures.push(error),
    onReachability: () => undefined,
    log: (_level, message) => logs.push(message),
    debounceMs: 5,
    ...overrides,
  });
  return { fake, state, controller, changes, failures, logs };
}

/** A controller showing the containers view, settled after its first list, with the fake's call log cleared. */
async function watchingContainers(): Promise<ReturnType<typeof setup>> {
  const watching = setup();
  watching.controller.setVisible('container', true);
  await watching.controller.settled();
  watching.fake.calls.length = 0;
  return watching;
}

describe('refresh controller', () => {
  it('does no engine work while every view is hidden', async () => {
    const { fake, controller } = setup();
    await controller.settled();
    assert.deepEqual(fake.calls, []);
    controller.dispose();
  });

  it('lists once and follows events when a view becomes visible', async () => {
    const { fake, state, controller } = setup();
    controller.setVisible('container', true);
    await controller.settled();
    assert.deepEqual([...fake.calls].sort(), ['listContainers', 'version', 'watchEvents']);
    assert.equal(state.all('container').length, 2);
    controller.dispose();
  });

  it('applies an event to the one affected container with exactly one engine call', async () => {
    const { fake, state, controller, changes } = await watchingContainers();
    changes.length = 0;
    fake.containers = [container('a', 'exited'), container('b')];
    fake.emit('container', 'stop', 'a');
    await controller.settled();
    assert.deepEqual(fake.calls, ['findContainer:a']);
    assert.equal(state.get('container', 'a')?.state, 'exited');
    assert.deepEqual(changes, [new Set(['container'])]);
    controller.dispose();
  });

  it('merges a burst of events for one object into one call', async () => {
    const { fake, controller } = await watchingContainers();
    fake.containers = [container('a'), container('b', 'exited')];
    for (const action of ['kill', 'die', 'stop']) {
      fake.emit('container', action, 'b');
    }
    await controller.settled();
    assert.deepEqual(fake.calls, ['findContainer:b']);
    controller.dispose();
  });

  it('after a die event the engine still lists as running, waits for the saved state through an inspect, then looks again (Docker 20.10 logs die before saving the state)', async () => {
    const { fake, state, controller } = await watchingContainers();
    // The list reads the old state for as long as the engine's cleanup takes, which under load can
    // be seconds; the inspect returns only once the new state is saved, as Docker's container lock makes it.
    fake.onInspect = () => {
      fake.containers = [container('a'), container('b', 'exited')];
    };
    fake.emit('container', 'die', 'b');
    await controller.settled();
    assert.equal(state.get('container', 'b')?.state, 'exited');
    assert.deepEqual(fake.calls, ['findContainer:b', 'inspect:b', 'findContainer:b']);
    controller.dispose();
  });

  it('keeps checking a die when the none network\'s disconnect for the container arrives in the same burst', async () => {
    const { fake, state, controller } = await watchingContainers();
    fake.onInspect = () => {
      fake.containers = [container('a'), container('b', 'exited')];
    };
    // Docker 20.10 releases the network (and says so) before it saves the stopped state.
    fake.emit('container', 'die', 'b');
    fake.emit('network', 'disconnect', 'none-network', { container: 'b' });
    await controller.settled();
    assert.equal(state.get('container', 'b')?.state, 'exited');
    assert.deepEqual(fake.calls, ['findContainer:b', 'inspect:b', 'findContainer:b']);
    controller.dispose();
  });

  it('keeps checking a die when the disconnect arrives while the die\'s lookup waits for the saved state', async () => {
    const { fake, state, controller } = await watchingContainers();
    let release: () => void = () => undefined;
    fake.inspectGate = new Promise<void>((resolve) => (release = resolve));
    // The disconnect comes while the engine still holds the lock; the state is saved when it lets go.
    fake.onInspect = () => fake.emit('network', 'disconnect', 'none-network', { container: 'b' });
    fake.afterInspect = () => {
      fake.containers = [container('a'), container('b', 'exited')];
    };
    fake.emit('container', 'die', 'b');
    await until("the disconnect's own lookup", () => fake.calls.filter((call) => call === 'findContainer:b').length === 2);
    release();
    await controller.settled();
    assert.equal(state.get('container', 'b')?.state, 'exited');
    controller.dispose();
  });

  it("falls back to short timed lookups when an engine's inspect does not wait for the saved state (an unpause)", async () => {
    const { fake, state, controller } = setup();
    fake.containers = [container('a'), container('b', 'paused')];
    controller.setVisible('container', true);
    await controller.settled();
    fake.calls.length = 0;
    let lookups = 0;
    fake.afterLookup = () => {
      lookups += 1;
      if (lookups === 2) {
        fake.containers = [container('a'), container('b', 'running')]; // saved after the second lookup
      }
    };
    fake.emit('container', 'unpause', 'b');
    await controller.settled();
    assert.equal(state.get('container', 'b')?.state, 'running');
    assert.deepEqual(fake.calls, ['findContainer:b', 'inspect:b', 'findContainer:b', 'findContainer:b']);
    controller.dispose();
  });

  it('gives up after five stale lookups and says so, leaving the next event or list to correct it', async () => {
    const { fake, state, controller, logs } = await watchingContainers();
    fake.emit('container', 'die', 'b'); // the engine never lists b as stopped
    await controller.settled();
    assert.equal(state.get('container', 'b')?.state, 'running');
    assert.equal(fake.calls.filter((call) => call === 'findContainer:b').length, 6);
    assert.match(logs.join('\n'), /still lists container b in its old state/);
    controller.dispose();
  });

  it('does not look again for an ended container once a newer event came (a restart)', async () => {
    const { fake, state, controller } = await watchingContainers();
    // The engine lists b as running throughout: stale after the die event, true after the start.
    fake.afterLookup = () => {
      if (fake.calls.length === 1) {
        fake.emit('container', 'start', 'b'); // arrives while the die event's lookup is in flight
      }
    };
    fake.emit('container', 'die', 'b');
    await controller.settled();
    assert.equal(state.get('container', 'b')?.state, 'running');
    assert.deepEqual(fake.calls.filter((call) => call.startsWith('findContainer')), ['findContainer:b', 'findContainer:b']);
    controller.dispose();
  });

  it('drops a pending look-again when the views hide, and makes no call after', async () => {
    const { fake, controller } = await watchingContainers();
    fake.emit('container', 'die', 'b'); // stale throughout
    fake.afterLookup = () => controller.setVisible('container', false);
    await controller.settled();
    assert.deepEqual(fake.calls.filter((call) => call.startsWith('findContainer')), ['findContainer:b']);
    controller.dispose();
  });

  it('drops a destroyed container without calling the engine', async () => {
    const { fake, state, controller } = await watchingContainers();
    fake.emit('container', 'destroy', 'a');
    await controller.settled();
    assert.deepEqual(fake.calls, []);
    assert.equal(state.get('container', 'a'), undefined);
    controller.dispose();
  });

  it('ignores events of kinds no visible view needs', async () => {
    const { fake, controller } = await watchingContainers();
    fake.emit('volume', 'create', 'v1');
    await controller.settled();
    assert.deepEqual(fake.calls, []);
    controller.dispose();
  });

  it('stops the event stream when the last view hides, and lists again when one shows', async () => {
    const { fake, state, controller } = setup();
    controller.setVisible('container', true);
    controller.setVisible('image', true);
    await controller.settled();
    controller.setVisible('container', false);
    assert.ok(fake.watching, 'still following events while the images view is visible');
    controller.setVisible('image', false);
    assert.equal(fake.watching, false);
    assert.equal(state.isLoaded('container'), false);
    fake.calls.length = 0;
    controller.setVisible('volume', true);
    await controller.settled();
    assert.deepEqual([...fake.calls].sort(), ['listContainers', 'listVolumes', 'version', 'watchEvents']);
    controller.dispose();
  });

  it('keeps the stale copy to show while a view reappears, and forgets it for another engine', async () => {
    const { state, controller } = setup();
    controller.setVisible('container', true);
    await controller.settled();
    controller.setVisible('container', false);
    assert.equal(state.isLoaded('container'), false, 'stale: listed again on the next show');
    assert.equal(state.hasData('container'), true, 'but still shown meanwhile');
    controller.setVisible('container', true);
    controller.restart();
    assert.equal(state.hasData('container'), false);
    await controller.settled();
    assert.equal(state.all('container').length, 2);
    controller.dispose();
  });

  it('re-lists after the event stream comes back, since events were missed', async () => {
    const { fake, controller } = await watchingContainers();
    fake.handlers?.onConnection?.('disconnected', new EngineError('unreachable', 'gone'));
    fake.handlers?.onConnection?.('connected');
    await controller.settled();
    assert.deepEqual(fake.calls, ['listContainers']);
    controller.dispose();
  });

  it('polls only while the stream is down, and stops polling once it is back', async () => {
    const { fake, controller } = setup({ reconcileIntervalMs: 20 });
    controller.setVisible('container', true);
    await controller.settled();
    fake.calls.length = 0;
    fake.handlers?.onConnection?.('disconnected', new EngineError('unreachable', 'gone'));
    const deadline = Date.now() + 5000;
    while (fake.calls.filter((call) => call === 'listContainers').length < 2) {
      assert.ok(Date.now() < deadline, 'the fallback poll re-lists');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    fake.handlers?.onConnection?.('connected');
    await controller.settled();
    const after = fake.calls.length;
    await new Promise((resolve) => setTimeout(resolve, 100)); // five poll periods: any poll would show up
    assert.equal(fake.calls.length, after);
    controller.dispose();
  });
});
