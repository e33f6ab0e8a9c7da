/**
 * The containers view over SSH vs over the local socket, for the same objects: creates 200
 * containers (created, not started, labelled) on the engine at DOCKER_HOST, starts a private sshd on
 * loopback (test/engine/sshFixture.ts) whose `docker system dial-stdio` reaches that engine, and
 * times opening the containers view (the refresh controller's load) through each transport. Also
 * prints the SSH round trip (one ping) and the number of SSH handshakes, which must stay at one.
 *   node scripts/build.mjs && npx tsc -b && node out/bench/sshListing.js   (BENCH_QUICK=1: 40 containers, fewer rounds)
 */
import { performance } from 'node:perf_hooks';
import Docker from 'dockerode';
import { parseHost } from '../client/src/engine/resolution/connection';
import { createEngine, type Engine } from '../client/src/engine/engine';
import { ExplorerState } from '../client/src/explorer/explorerState';
import { RefreshController } from '../client/src/explorer/refreshController';
import { baseImage, testLabel, uniqueSuffix } from '../test/engineHelpers';
import { startSshFixture } from '../test/engine/sshFixture';
import { ms, quantile, ratio } from './stats';

const quick = process.env['BENCH_QUICK'] === '1';
const containerCount = quick ? 40 : 200;
const rounds = quick ? 5 : 21;

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

/** Opening the containers view as the product does: controller start (version, events), list, settle. */
async function loadContainersView(engine: Engine): Promise<number> {
  const state = new ExplorerState();
  const controller = new RefreshController({ engine: () => engine, state, onDidChange: () => undefined, onFailure: () => undefined, onReachability: () => undefined, log: () => undefined });
  const elapsed = await timed(async () => {
    controller.setVisible('container', true);
    await controller.settled();
  });
  controller.dispose();
  return elapsed;
}

/** Alternates the two measurements round by round, so load on the shared engine hits both alike. */
async function interleaved(first: () => Promise<number>, second: () => Promise<number>): Promise<[number[], number[]]> {
  await first(); // warm-up: connections, caches, the SSH handshake and channels
  await second();
  const a: number[] = [];
  const b: number[] = [];
  for (let round = 0; round < rounds; round++) {
    a.push(await first());
    b.push(await second());
  }
  return [a, b];
}

async function main(): Promise<void> {
  const host = process.env['DOCKER_HOST'];
  if (!host?.startsWith('unix://')) {
    throw new Error('DOCKER_HOST must name the engine socket (unix://…)');
  }
  const docker = new Docker({ socketPath: host.slice('unix://'.length) });
  const suffix = uniqueSuffix();
  const fixture = await startSshFixture(host);
  const savedHome = process.env['HOME'];
  process.env['HOME'] = fixture.home; // the product reads ~/.ssh from HOME
  delete process.env['SSH_AUTH_SOCK'];
  fixture.writeKnownHosts(fixture.hostKeyLine);
  const local = createEngine(parseHost(host), 30_000);
  const remote = createEngine(parseHost(`ssh://root@127.0.0.1:${fixture.port}`), 30_000);
  const created: Docker.Container[] = [];
  try {
    for (let index = 0; index < containerCount; index++) {
      created.push(await docker.createContainer({ name: `berthwise-bench-ssh-${suffix}-${index}`, Image: baseImage, Cmd: ['true'], Labels: { [testLabel]: 'true' }, HostConfig: { NetworkMode: 'none' } }));
    }
    const listed = (await local.listContainers()).length;
    const firstOverSsh = await loadContainersView(remote); // includes the handshake
    const [overSocket, overSsh] = await interleaved(() => loadContainersView(local), () => loadContainersView(remote));
    const [listSocket, listSsh] = await interleaved(() => timed(() => local.listContainers()), () => timed(() => remote.listContainers()));
    const [, rtt] = await interleaved(() => timed(() => local.ping()), () => timed(() => remote.ping()));
    const socketP50 = quantile(overSocket, 0.5);
    const sshP50 = quantile(overSsh, 0.5);
    const rttP50 = quantile(rtt, 0.5);
    console.log(`containers listed: ${listed} (${containerCount} created by the bench), ${rounds} rounds`);
    console.log('| transport | containers view p50 (ms) | p95 (ms) |');
    console.log('|---|---|---|');
    console.log(`| local socket | ${ms(socketP50)} | ${ms(quantile(overSocket, 0.95))} |`);
    console.log(`| SSH (one connection) | ${ms(sshP50)} | ${ms(quantile(overSsh, 0.95))} |`);
    console.log(`list call alone p50: socket ${ms(quantile(listSocket, 0.5))} ms, SSH ${ms(quantile(listSsh, 0.5))} ms (${ratio(quantile(listSsh, 0.5), quantile(listSocket, 0.5))})`);
    console.log(`first SSH load (with handshake): ${ms(firstOverSsh)} ms; SSH round trip (ping p50): ${ms(rttP50)} ms`);
    console.log(`ratio SSH / socket: ${ratio(sshP50, socketP50)}; budget 2 × socket + RTT = ${ms(2 * socketP50 + rttP50)} ms → ${sshP50 <= 2 * socketP50 + rttP50 ? 'within' : 'OVER'}`);
    console.log(`SSH handshakes over the whole run: ${remote.handshakes?.() ?? 'n/a'}`);
  } finally {
    remote.dispose?.();
    process.env['HOME'] = savedHome;
    await Promise.all(created.map((container) => container.remove({ force: true }).catch(() => undefined)));
    await fixture.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
