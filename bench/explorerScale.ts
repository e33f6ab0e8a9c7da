/**
 * Explorer at scale: creates 1,000 containers (created, not started), 300 images (commits of the
 * base image), 200 volumes and 100 networks, all labelled, on the engine at DOCKER_HOST; measures
 * loading each view against the raw Engine API list call (the containers view is one list request;
 * budget: the raw call + 10 ms) and the containers view against `docker container ls --all --format json`
 * (ratio reported, no budget); measures one event → tree update; removes everything.
 *   node scripts/build.mjs && npx tsc -b && node out/bench/explorerScale.js   (BENCH_QUICK=1: a tenth of the objects)
 */
import { execFile } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import Docker from 'dockerode';
import { parseHost } from '../client/src/engine/resolution/connection';
import { createEngine, type Engine } from '../client/src/engine/engine';
import type { EngineObjectKind } from '../client/src/engine/types';
import { containerDescriptor, formatOnly, imageDescriptor, networkDescriptor, volumeDescriptor, type ResourceDescriptor, type ViewOptions } from '../client/src/explorer/descriptors';
import { ExplorerState } from '../client/src/explorer/explorerState';
import { RefreshController } from '../client/src/explorer/refreshController';
import { baseImage, testLabel, uniqueSuffix } from '../test/engineHelpers';
import { ms, quantile, ratio } from './stats';

const quick = process.env['BENCH_QUICK'] === '1';
const scale = quick ? 0.1 : 1;
const counts = { container: 1000 * scale, image: 300 * scale, volume: 200 * scale, network: 100 * scale };
const rounds = quick ? 3 : 7;
const pairedRounds = quick ? 5 : 21;
const dockerCli = process.env['BERTHWISE_DOCKER_CLI'] ?? '/usr/local/bin/docker';
const benchLabel = 'berthwise.bench';
const viewOptions: ViewOptions = { groupContainersByComposeProject: true, sortBy: 'name', now: Date.now(), t: formatOnly };
const descriptors: Record<EngineObjectKind, ResourceDescriptor> = { container: containerDescriptor, image: imageDescriptor, volume: volumeDescriptor, network: networkDescriptor };

/** Runs `work` over the items with at most `limit` in flight. */
async function inBatches<T>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<unknown>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      await work(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: limit }, worker));
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

async function samples(work: () => Promise<unknown>): Promise<number[]> {
  await work(); // warm-up: connections, caches
  const result: number[] = [];
  for (let round = 0; round < rounds; round++) {
    result.push(await timed(work));
  }
  return result;
}

/** Runs every named work once per round, rotating which goes first; returns each one's times. */
async function interleaved<K extends string>(works: Record<K, () => Promise<unknown>>): Promise<Record<K, number[]>> {
  const names = Object.keys(works) as K[];
  const times = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<K, number[]>;
  for (const name of names) {
    await works[name](); // warm-up
  }
  for (let round = 0; round < pairedRounds; round++) {
    for (let step = 0; step < names.length; step++) {
      const name = names[(round + step) % names.length] as K;
      times[name].push(await timed(works[name]));
    }
  }
  return times;
}

/** What opening one view costs in the product: the refresh controller's load, then the tree. */
async function loadView(engine: Engine, kind: EngineObjectKind): Promise<number> {
  const state = new ExplorerState();
  const controller = new RefreshController({ engine: () => engine, state, onDidChange: () => undefined, onFailure: () => undefined, onReachability: () => undefined, log: () => undefined });
  controller.setVisible(kind, true);
  await controller.settled();
  const items = descriptors[kind].buildTree(state, viewOptions).length;
  controller.dispose();
  return items;
}

function rawList(docker: Docker, kind: EngineObjectKind): Promise<unknown> {
  switch (kind) {
    case 'container':
      return docker.listContainers({ all: true });
    case 'image':
      return docker.listImages();
    case 'volume':
      return docker.listVolumes();
    case 'network':
      return docker.listNetworks();
  }
}

function dockerLs(host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(dockerCli, ['container', 'ls', '--all', '--format', 'json'], { env: { ...process.env, DOCKER_HOST: host }, maxBuffer: 256 * 1024 * 1024 }, (error) =>
      error ? reject(new Error(`docker container ls failed: ${error.message}`)) : resolve(),
    );
  });
}

async function createObjects(docker: Docker, run: string): Promise<void> {
  const labels = { [testLabel]: 'true', [benchLabel]: run };
  const started = performance.now();
  const source = await docker.createContainer({ name: `berthwise-bench-src-${run}`, Image: baseImage, Cmd: ['true'], Labels: labels, HostConfig: { NetworkMode: 'none' } });
  // @types/dockerode types `changes` as a string; the engine takes one Dockerfile instruction per entry.
  const committable = source as unknown as { commit(options: { repo: string; tag: string; changes: string[] }): Promise<unknown> };
  await inBatches([...Array(counts.image).keys()], 8, (i) =>
    committable.commit({ repo: `berthwise-bench/img-${run}`, tag: `t${i}`, changes: [`LABEL ${benchLabel}=${run} berthwise.bench.index=${i}`] }),
  );
  await inBatches([...Array(counts.container).keys()], 16, (i) =>
    docker.createContainer({
      name: `berthwise-bench-${run}-${i}`,
      Image: baseImage,
      Cmd: ['sleep', '1'],
      // Every tenth container belongs to a Compose project, so grouping has work to do.
      Labels: { ...labels, ...(i % 10 === 0 ? { 'com.docker.compose.project': `bench-${run}-${i % 7}` } : {}) },
      HostConfig: { NetworkMode: 'none' },
    }),
  );
  await inBatches([...Array(counts.volume).keys()], 16, (i) => docker.createVolume({ Name: `berthwise-bench-${run}-${i}`, Labels: labels }));
  // Explicit subnets: the engine's default address pools run out after a few dozen bridge networks.
  await inBatches([...Array(counts.network).keys()], 8, (i) =>
    docker.createNetwork({ Name: `berthwise-bench-${run}-${i}`, Driver: 'bridge', Internal: true, Labels: labels, IPAM: { Driver: 'default', Config: [{ Subnet: `10.213.${i}.0/24` }] } }),
  );
  console.log(`created ${counts.container} containers, ${counts.image} images, ${counts.volume} volumes, ${counts.network} networks in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

async function removeObjects(docker: Docker, run: string): Promise<void> {
  const filters = JSON.stringify({ label: [`${benchLabel}=${run}`] });
  await inBatches(await docker.listContainers({ all: true, filters }), 16, (c) => docker.getContainer(c.Id).remove({ force: true }).catch(() => undefined));
  await inBatches(await docker.listImages({ filters }), 8, (i) => docker.getImage(i.Id).remove({ force: true }).catch(() => undefined));
  await inBatches((await docker.listVolumes({ filters })).Volumes ?? [], 16, (v) => docker.getVolume(v.Name).remove().catch(() => undefined));
  await inBatches(await docker.listNetworks({ filters }), 8, (n) => docker.getNetwork(n.Id).remove().catch(() => undefined));
}

/** One rename event → the tree shows the new name: latency after the event arrived, and engine calls made. */
async function eventLatency(engine: Engine, docker: Docker, run: string): Promise<{ latency: number; calls: string[] }> {
  const calls: string[] = [];
  let arrived = 0;
  let updated = 0;
  const target = (await docker.listContainers({ all: true, filters: JSON.stringify({ name: [`berthwise-bench-${run}-5$`] }) }))[0];
  if (!target) {
    throw new Error('the bench container to rename is missing');
  }
  const newName = `berthwise-bench-${run}-renamed`;
  const counting = new Proxy(engine, {
    get(object, property, receiver) {
      const value: unknown = Reflect.get(object, property, receiver);
      if (typeof value !== 'function' || typeof property !== 'string') {
        return value;
      }
      return (...args: unknown[]): unknown => {
        if (property !== 'watchEvents') {
          calls.push(`${property}${typeof args[0] === 'string' ? `:${args[0].slice(0, 12)}` : ''}`);
          return (value as (...a: unknown[]) => unknown).apply(object, args);
        }
        const [handlers, options] = args as Parameters<Engine['watchEvents']>;
        return engine.watchEvents(
          { ...handlers, onEvent: (event) => (event.id === target.Id && event.action === 'rename' && (arrived = performance.now()), handlers.onEvent(event)) },
          options,
        );
      };
    },
  });
  const state = new ExplorerState();
  let connected = false;
  const controller = new RefreshController({
    engine: () => counting,
    state,
    onDidChange: () => {
      if (state.get('container', target.Id)?.name === newName && updated === 0) {
        updated = performance.now();
      }
    },
    onFailure: () => undefined,
    onReachability: () => (connected = true),
    log: () => undefined,
  });
  controller.setVisible('container', true);
  await controller.settled();
  const deadline = Date.now() + 10_000;
  while (!connected && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  calls.length = 0;
  await docker.getContainer(target.Id).rename({ name: newName });
  while (updated === 0 && Date.now() < deadline + 10_000) {
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  await controller.settled();
  controller.dispose();
  return { latency: updated - arrived, calls: calls.filter((call) => call.includes(target.Id.slice(0, 12)) || call.startsWith('list')) };
}

async function main(): Promise<void> {
  const host = process.env['DOCKER_HOST'];
  if (!host?.startsWith('unix://')) {
    throw new Error('set DOCKER_HOST=unix://… to the engine to benchmark');
  }
  const docker = new Docker({ socketPath: host.slice('unix://'.length) });
  const engine = createEngine(parseHost(host), 60_000);
  const run = uniqueSuffix();
  try {
    await createObjects(docker, run);
    // The images, volumes and networks views also need the containers (in use, users, members), so
    // their raw baseline is both list calls, one after the other.
    console.log('\n| view | top-level items | Berthwise view load p50 | raw Engine API list(s) p50 | ratio |');
    console.log('|---|---|---|---|---|');
    for (const kind of ['container', 'image', 'volume', 'network'] as const) {
      let items = 0;
      const ours = await samples(async () => (items = await loadView(engine, kind)));
      const raw = await samples(async () => {
        await rawList(docker, kind);
        if (kind !== 'container') {
          await rawList(docker, 'container');
        }
      });
      console.log(`| ${kind}s | ${items} | ${ms(quantile(ours, 0.5))} ms | ${ms(quantile(raw, 0.5))} ms | ${ratio(quantile(ours, 0.5), quantile(raw, 0.5))} |`);
    }
    // The budgets compare three things measured at different moments above; on a shared machine the
    // load drifts, so measure the containers view, the raw call and the CLI again, interleaved in
    // rotating order within each round, and judge the budgets on these paired samples.
    const paired = await interleaved({
      view: () => loadView(engine, 'container'),
      raw: () => rawList(docker, 'container'),
      cli: () => dockerLs(host),
    });
    const [view, raw, cli] = [quantile(paired.view, 0.5), quantile(paired.raw, 0.5), quantile(paired.cli, 0.5)];
    console.log(`\ncontainers, ${pairedRounds} interleaved rounds: view load ${ms(view)} ms, raw Engine API list ${ms(raw)} ms, \`docker container ls --all --format json\` ${ms(cli)} ms`);
    // The containers view is one list request: everything it adds (mapping, state, tree) must stay
    // within 10 ms of that request at 1,000 containers. The CLI ratio is reported, not budgeted.
    const budget = raw + 10;
    console.log(`view vs budget raw list + 10 ms = ${ms(budget)} ms: ${view <= budget ? 'met' : 'MISSED'} (view − raw ${ms(view - raw)} ms, view / raw ${ratio(view, raw)})`);
    console.log(`view / CLI ${ratio(view, cli)}; raw / CLI ${ratio(raw, cli)}`);
    const event = await eventLatency(engine, docker, run);
    console.log(`one rename event → tree updated ${ms(event.latency)} ms after the event arrived, engine calls: ${event.calls.join(', ') || 'none'} (budget ≤ 50 ms with one call: ${event.latency <= 50 && event.calls.length === 1 ? 'met' : 'MISSED'})`);
  } finally {
    const started = performance.now();
    await removeObjects(docker, run);
    console.log(`\nremoved the benchmark objects in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
