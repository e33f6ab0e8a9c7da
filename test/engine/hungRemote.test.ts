/**
 * A slow or dead remote never blocks the others: the shared test engine is watched next to two
 * remotes on loopback that accept connections and never answer — one `tcp://`, one `ssh://` (no
 * SSH banner ever comes) — through the same EngineMonitor the extension uses, with real Engines.
 * The shared engine is reachable with its version and answers calls while both remotes are still
 * connecting; each remote then ends unreachable with a timeout naming it, the shared one untouched.
 */
import * as assert from 'node:assert/strict';
import { createServer, type Server, type Socket } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { parseHost } from '../../client/src/engine/resolution/connection';
import { createEngine, type Engine } from '../../client/src/engine/engine';
import type { EngineCandidate } from '../../client/src/engine/resolution/engines';
import { EngineMonitor, type EngineHealth } from '../../client/src/engines/engineMonitor';

/** The remotes' deadline: long enough that the shared engine answers well before it runs out. */
const hungDeadlineMs = 8_000;

interface HungServer {
  readonly port: number;
  readonly accepted: () => number;
  close(): Promise<void>;
}

/** Accepts every connection on 127.0.0.1 and never writes a byte. */
async function startHungServer(): Promise<HungServer> {
  const sockets = new Set<Socket>();
  let accepted = 0;
  const server: Server = createServer((socket) => {
    accepted++;
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    port,
    accepted: () => accepted,
    close: async () => {
      for (const socket of sockets) {
        socket.destroy();
      }
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

function candidate(name: string, host: string): EngineCandidate {
  const endpoint = parseHost(host);
  return { name, source: 'configuredHost', endpoint, remote: endpoint.kind !== 'unix', isDefault: false };
}

async function waitForHealth(monitor: EngineMonitor, what: string, accept: (health: readonly EngineHealth[]) => boolean, timeoutMs: number): Promise<readonly EngineHealth[]> {
  const deadline = Date.now() + timeoutMs;
  while (!accept(monitor.health)) {
    assert.ok(Date.now() < deadline, `timed out waiting for ${what}; now ${JSON.stringify(monitor.health)}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return monitor.health;
}

describe('a hung remote among the selected engines', () => {
  const shared = process.env['DOCKER_HOST'] ?? 'unix:///var/run/docker.sock';
  let hungTcp: HungServer;
  let hungSsh: HungServer;
  let monitor: EngineMonitor;
  const engines = new Map<string, Engine>();
  /** Every state change in order, e.g. `shared=reachable`. */
  const transitions: string[] = [];

  before(async () => {
    hungTcp = await startHungServer();
    hungSsh = await startHungServer();
    monitor = new EngineMonitor(
      (c) => {
        const engine = createEngine(c.endpoint ?? parseHost(shared), c.name === 'shared' ? 15_000 : hungDeadlineMs, undefined, c.name);
        engines.set(c.name, engine);
        return { engine, release: () => engine.dispose?.() };
      },
      (health) => {
        for (const entry of health) {
          const line = `${entry.name}=${entry.state}`;
          if (!transitions.some((seen) => seen === line)) {
            transitions.push(line);
          }
        }
      },
    );
  });
  after(async () => {
    monitor?.dispose();
    await hungTcp?.close();
    await hungSsh?.close();
  });

  it('has the shared engine reachable, with its version and answering calls, while both remotes still hang', async () => {
    // The hung remotes come first: the order of the selection must not matter either.
    monitor.watch([candidate('hung-tcp', `tcp://127.0.0.1:${hungTcp.port}`), candidate('hung-ssh', `ssh://root@127.0.0.1:${hungSsh.port}`), candidate('shared', shared)]);
    const health = await waitForHealth(monitor, 'the shared engine with its version', (h) => h.find((e) => e.name === 'shared')?.version !== undefined, hungDeadlineMs);
    const containers = await engines.get('shared')?.listContainers();
    assert.ok(Array.isArray(containers));
    const now = monitor.health;
    assert.deepEqual(
      now.map((e) => [e.name, e.state, e.remote]),
      [
        ['hung-tcp', 'connecting', true],
        ['hung-ssh', 'connecting', true],
        ['shared', 'reachable', false],
      ],
      'both remotes are still waiting for an answer while the shared engine already works',
    );
    assert.match(health.find((e) => e.name === 'shared')?.version?.version ?? '', /^\d+\.\d+/);
    await waitForHealth(monitor, 'both hung servers to have been connected to', () => hungTcp.accepted() > 0 && hungSsh.accepted() > 0, 5_000);
  });

  it('reports each hung remote unreachable with a timeout naming it, leaving the shared engine reachable', async () => {
    const health = await waitForHealth(monitor, 'both remotes unreachable', (h) => h.filter((e) => e.state === 'unreachable').length === 2, hungDeadlineMs * 3);
    const byName = new Map(health.map((e) => [e.name, e]));
    assert.equal(byName.get('hung-tcp')?.error, `The Docker engine at tcp://127.0.0.1:${hungTcp.port} did not answer within ${hungDeadlineMs} ms.`);
    assert.equal(byName.get('hung-ssh')?.error, `The Docker engine at ssh://root@127.0.0.1:${hungSsh.port} did not answer within ${hungDeadlineMs} ms.`);
    assert.equal(byName.get('shared')?.state, 'reachable');
    assert.ok(byName.get('shared')?.version, 'the shared engine keeps its version');
    // The shared engine went reachable before either remote gave up.
    const sharedUp = transitions.indexOf('shared=reachable');
    assert.ok(sharedUp >= 0 && sharedUp < transitions.indexOf('hung-tcp=unreachable') && sharedUp < transitions.indexOf('hung-ssh=unreachable'), transitions.join(', '));
    assert.ok(Array.isArray(await engines.get('shared')?.listImages()));
  });
});
