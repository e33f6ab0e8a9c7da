/**
 * Build time: Berthwise's build (POST /build with BuildKit, the context sent through a BuildKit session,
 * progress decoded from protobuf) against Debian's docker.io client with BuildKit
 * (`DOCKER_BUILDKIT=1 /usr/bin/docker build`), on the same engine (DOCKER_HOST), the same contexts,
 * in interleaved rounds. Cases: a small context built cold (no cache) and fully cached, and a
 * 100 MB context built cold and fully cached. RUN steps use the `none` network.
 *   node scripts/build.mjs && npx tsc -b && node out/bench/buildTime.js   (BENCH_QUICK=1: 2 rounds)
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { BuildProgress } from '../client/src/build/buildProgress';
import { parseHost } from '../client/src/engine/resolution/connection';
import { createEngine, type Engine } from '../client/src/engine/engine';
import { baseImage, testDocker, uniqueSuffix } from '../test/engineHelpers';
import { ms, quantile, ratio } from './stats';

const quick = process.env['BENCH_QUICK'] === '1';
const rounds = quick ? 2 : 5;
const cli = '/usr/bin/docker';

interface BuildCase {
  readonly title: string;
  readonly directory: string;
  readonly noCache: boolean;
}

function smallContext(): string {
  const directory = mkdtempSync(join(tmpdir(), 'berthwise-bench-small-'));
  writeFileSync(join(directory, 'Dockerfile'), [`FROM ${baseImage} AS build`, 'WORKDIR /src', 'COPY . .', 'RUN find . -type f | wc -l > /count', 'RUN for i in 1 2 3; do echo step $i; done', `FROM ${baseImage}`, 'COPY --from=build /count /count', 'CMD ["cat", "/count"]', ''].join('\n'));
  for (let i = 0; i < 50; i++) {
    mkdirSync(join(directory, `src${i % 5}`), { recursive: true });
    writeFileSync(join(directory, `src${i % 5}`, `file${i}.txt`), randomBytes(2048).toString('hex'));
  }
  return directory;
}

/** 100 MB: four 20 MB files and 2,000 files of 10 KB. */
function largeContext(): string {
  const directory = mkdtempSync(join(tmpdir(), 'berthwise-bench-large-'));
  writeFileSync(join(directory, 'Dockerfile'), [`FROM ${baseImage}`, 'COPY . /ctx', 'RUN du -sk /ctx', ''].join('\n'));
  for (let i = 0; i < 4; i++) {
    writeFileSync(join(directory, `blob${i}.bin`), randomBytes(20 * 1024 * 1024));
  }
  for (let i = 0; i < 2000; i++) {
    mkdirSync(join(directory, `many${i % 40}`), { recursive: true });
    writeFileSync(join(directory, `many${i % 40}`, `f${i}.bin`), randomBytes(10 * 1024));
  }
  return directory;
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

/** Ours, as the command runs it: every progress update decoded and rendered into lines. */
function buildOurs(engine: Engine, buildCase: BuildCase, tag: string): Promise<number> {
  const progress = new BuildProgress();
  return timed(() => engine.buildImage({ context: { directory: buildCase.directory, dockerfile: 'Dockerfile' }, tag, noCache: buildCase.noCache, networkMode: 'none' }, (event) => void (event.kind === 'status' && progress.apply(event.update))));
}

function buildWithCli(buildCase: BuildCase, tag: string): Promise<number> {
  const args = ['build', '--progress=plain', '--network', 'none', '-t', tag, ...(buildCase.noCache ? ['--no-cache'] : []), buildCase.directory];
  return timed(
    () =>
      new Promise<void>((resolve, reject) => {
        const child = spawn(cli, args, { env: { ...process.env, DOCKER_BUILDKIT: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
        let errors = '';
        child.stdout.resume();
        child.stderr.on('data', (chunk: Buffer) => (errors = (errors + chunk.toString()).slice(-4000)));
        child.once('error', reject);
        child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`docker build exited with ${String(code)}:\n${errors}`))));
      }),
  );
}

async function main(): Promise<void> {
  const host = process.env['DOCKER_HOST'];
  if (!host) {
    throw new Error('Set DOCKER_HOST to the engine to build on (a private one: builds fill its cache).');
  }
  const engine = createEngine(parseHost(host), 60_000);
  const docker = testDocker();
  const suffix = uniqueSuffix();
  const small = smallContext();
  const large = largeContext();
  const cases: BuildCase[] = [
    { title: 'small context, cold (no cache)', directory: small, noCache: true },
    { title: 'small context, fully cached', directory: small, noCache: false },
    { title: '100 MB context, cold (no cache)', directory: large, noCache: true },
    { title: '100 MB context, fully cached', directory: large, noCache: false },
  ];
  const tags = { ours: `berthwise-bench/ours-${suffix}`, cli: `berthwise-bench/cli-${suffix}` };
  console.log(`Build time, ${rounds} interleaved rounds per case (p50 / max, ms); engine ${host}; CLI ${cli} with DOCKER_BUILDKIT=1`);
  console.log('| case | Berthwise p50 | CLI p50 | ratio p50 | Berthwise max | CLI max |');
  console.log('|---|---|---|---|---|---|');
  try {
    for (const buildCase of cases) {
      // Warm-up: both have built this context once (fills the cache the cached case relies on).
      await buildOurs(engine, { ...buildCase, noCache: false }, tags.ours);
      await buildWithCli({ ...buildCase, noCache: false }, tags.cli);
      const ours: number[] = [];
      const theirs: number[] = [];
      for (let round = 0; round < rounds; round++) {
        // Alternate who goes first, so drifting load on a shared machine hits both alike.
        if (round % 2 === 0) {
          ours.push(await buildOurs(engine, buildCase, tags.ours));
          theirs.push(await buildWithCli(buildCase, tags.cli));
        } else {
          theirs.push(await buildWithCli(buildCase, tags.cli));
          ours.push(await buildOurs(engine, buildCase, tags.ours));
        }
      }
      const [o50, c50] = [quantile(ours, 0.5), quantile(theirs, 0.5)];
      console.log(`| ${buildCase.title} | ${ms(o50)} | ${ms(c50)} | ${ratio(o50, c50)} | ${ms(quantile(ours, 1))} | ${ms(quantile(theirs, 1))} |`);
    }
  } finally {
    for (const tag of Object.values(tags)) {
      await docker.getImage(tag).remove({ force: true }).catch(() => undefined);
    }
    rmSync(small, { recursive: true, force: true });
    rmSync(large, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
