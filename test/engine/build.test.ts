/**
 * Builds with BuildKit over the Engine API against the real engine, RUN on the `none` network:
 * multi-stage with a target and build args, .dockerignore, a failing RUN mapped to its line, cancel
 * mid-build, a large context. References are independent: the files the image really holds, the
 * Dockerfile's own text for line numbers, the host's process table for cancel.
 */
import * as assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { stepFor } from '../../client/src/build/stepMapping';
import { compareCommand, imageRuns } from '../../client/src/build/commandCheck';
import { toImageConfigResult } from '../../client/src/language/imageConfigAnswer';
import { BuildFailedError } from '../../client/src/engine/build/buildImage';
import type { Engine } from '../../client/src/engine/engine';
import { EngineError } from '../../client/src/engine/errors';
import { baseImage, testDocker, testEngine, testLabel, uniqueSuffix } from '../engineHelpers';
import { until } from '../until';
import { outlineOf, recordBuild, runAndRead, writeContext } from './buildHelpers';

const labels = { [testLabel]: 'true' };
const toArgv = (value: string | string[] | undefined | null): string[] | null => (value === undefined || value === null ? null : typeof value === 'string' ? [value] : value);

/** Processes on this host whose command line contains `marker` (the engine runs here). */
function processesWith(marker: string): number {
  let count = 0;
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      if (readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').includes(marker)) {
        count++;
      }
    } catch {
      // the process ended while we looked
    }
  }
  return count;
}

describe('building images with BuildKit over the Engine API', () => {
  const docker = testDocker();
  const suffix = uniqueSuffix();
  const folders: string[] = [];
  const tags: string[] = [];
  let engine: Engine;
  const context = (files: Record<string, string | Buffer>): string => {
    const folder = writeContext(files);
    folders.push(folder);
    return folder;
  };
  const tag = (name: string): string => {
    const full = `berthwise-build-test/${name}-${suffix}:latest`;
    tags.push(full);
    return full;
  };

  before(() => {
    engine = testEngine(30_000);
  });

  after(async () => {
    for (const name of tags) {
      await docker.getImage(name).remove({ force: true }).catch(() => undefined);
    }
    folders.forEach((folder) => rmSync(folder, { recursive: true, force: true }));
  });

  it('builds the target stage of a multi-stage file with build args, and only the stages it needs', async () => {
    const dockerfile = [
      `ARG BASE=${baseImage}`,
      'FROM ${BASE} AS base',
      'ARG GREETING=hello',
      'RUN echo "$GREETING" > /greeting',
      'FROM base AS broken',
      'RUN exit 9',
      'FROM base AS final',
      'RUN cat /greeting',
      'CMD ["cat", "/greeting"]',
      'FROM base AS last',
      'RUN echo last > /last',
    ].join('\n');
    const image = tag('multi');
    const build = await recordBuild(engine, { context: { directory: context({ Dockerfile: dockerfile }), dockerfile: 'Dockerfile' }, tag: image, target: 'final', buildArgs: { GREETING: 'bonjour' }, networkMode: 'none', noCache: true, labels });
    assert.equal(build.error, undefined, build.error?.message);
    assert.equal(build.result?.builder, 'buildkit');
    assert.equal((await runAndRead(docker, image, ['cat', '/greeting'])).trim(), 'bonjour');
    assert.ok(build.output.includes('bonjour'), `the RUN's output reaches the progress: ${build.output}`);
    assert.ok(!build.stepNames.some((name) => name.includes('exit 9') || name.includes('echo last')), `stages the target does not need are not built: ${build.stepNames.join(' | ')}`);
    // What the engine stored equals what the model predicts for the target stage.
    const config = (await docker.getImage(image).inspect()).Config;
    // The base image's config as the client answers the server's question about it.
    const baseConfig = toImageConfigResult(await docker.getImage(baseImage).inspect());
    const predicted = outlineOf(dockerfile, (name) => (name === baseImage ? baseConfig : undefined)).stages.find((stage) => stage.name === 'final')?.runs ?? 'unknown';
    assert.deepEqual(compareCommand(predicted, imageRuns({ Entrypoint: toArgv(config.Entrypoint), Cmd: toArgv(config.Cmd) })), { kind: 'match' });
    // Again, unchanged: every step comes from the cache.
    const again = await recordBuild(engine, { context: { directory: folders.at(-1) ?? '', dockerfile: 'Dockerfile' }, tag: image, target: 'final', buildArgs: { GREETING: 'bonjour' }, networkMode: 'none', labels });
    assert.equal(again.result?.imageId, build.result?.imageId);
    assert.ok(again.cachedSteps >= 2, `both RUN steps from the cache: ${again.cachedSteps}`);
    assert.ok(!again.output.includes('bonjour'), 'no RUN ran again');
  });

  for (const transfer of ['session', 'tar'] as const) {
    it(`leaves out what .dockerignore excludes (Docker pattern rules, exceptions included), context sent by ${transfer}`, async () => {
      const folder = context({
        Dockerfile: `FROM ${baseImage}\nCOPY . /ctx\nRUN cd /ctx && find . -type f | sort > /files`,
        '.dockerignore': '# comment\nsecret.txt\nlogs/*.log\n!logs/keep.log\n**/*.tmp\nbuild\n',
        'app.txt': 'app',
        'secret.txt': 'secret',
        'logs/a.log': 'a',
        'logs/keep.log': 'keep',
        'src/deep/x.tmp': 'tmp',
        'src/deep/x.txt': 'x',
        'build/out.bin': 'out',
      });
      const image = tag(`ignore-${transfer}`);
      const build = await recordBuild(engine, { context: { directory: folder, dockerfile: 'Dockerfile' }, tag: image, networkMode: 'none', labels, transfer });
      assert.equal(build.error, undefined, build.error?.message);
      const files = (await runAndRead(docker, image, ['cat', '/files'])).trim().split('\n');
      assert.deepEqual(files, ['./.dockerignore', './Dockerfile', './app.txt', './logs/keep.log', './src/deep/x.txt']);
    });
  }

  it('sees a changed, an added and a removed file on a rebuild through the session (the engine keeps the last transfer)', async () => {
    const folder = context({ Dockerfile: `FROM ${baseImage}\nCOPY . /ctx\nRUN cd /ctx && cat a.txt && ls`, 'a.txt': 'first', 'gone.txt': 'x' });
    const first = await recordBuild(engine, { context: { directory: folder, dockerfile: 'Dockerfile' }, tag: tag('rebuild'), networkMode: 'none', labels });
    assert.equal(first.error, undefined, first.error?.message);
    writeFileSync(join(folder, 'a.txt'), 'second version');
    writeFileSync(join(folder, 'new.txt'), 'new');
    rmSync(join(folder, 'gone.txt'));
    const second = await recordBuild(engine, { context: { directory: folder, dockerfile: 'Dockerfile' }, tag: tag('rebuild'), networkMode: 'none', labels });
    assert.equal(second.error, undefined, second.error?.message);
    const listing = (await runAndRead(docker, tag('rebuild'), ['sh', '-c', 'cat /ctx/a.txt; echo; ls /ctx'])).trim().split('\n');
    assert.deepEqual(listing, ['second version', 'Dockerfile', 'a.txt', 'new.txt']);
  });

  it('fails at a failing RUN, and the failed step maps to that RUN\'s line', async () => {
    const dockerfile = [
      `FROM ${baseImage} AS one`,
      'RUN echo fine',
      '',
      'FROM one AS two',
      'WORKDIR /work',
      'RUN echo before && \\',
      '    exit 3',
      'RUN echo never',
    ].join('\n');
    const build = await recordBuild(engine, { context: { directory: context({ Dockerfile: dockerfile }), dockerfile: 'Dockerfile' }, tag: tag('fail'), networkMode: 'none', labels });
    assert.ok(build.error instanceof BuildFailedError, `a build failure: ${String(build.error)}`);
    assert.match(build.error.message, /exit code: 3/);
    const outline = outlineOf(dockerfile);
    const mapped = build.failedSteps.map((name) => stepFor(outline, name)).find((step) => step !== undefined);
    const expectedLine = dockerfile.split('\n').findIndex((line) => line.startsWith('RUN echo before'));
    assert.equal(mapped?.startLine, expectedLine, `failed steps: ${build.failedSteps.join(' | ')}`);
    assert.ok(!build.stepNames.some((name) => name.includes('echo never')) || !build.output.includes('never'));
  });

  it('stops the build on the engine when the request is aborted', async () => {
    const seconds = 86_000 + Math.floor(Math.random() * 400);
    const marker = `sleep ${seconds}`;
    const controller = new AbortController();
    const dockerfile = `FROM ${baseImage}\nRUN echo start\nRUN ${marker}\n`;
    const pending = recordBuild(engine, { context: { directory: context({ Dockerfile: dockerfile }), dockerfile: 'Dockerfile' }, tag: tag('cancel'), networkMode: 'none', noCache: true, labels }, controller.signal);
    await until('the long RUN to run on the engine', () => processesWith(marker) > 0, 60_000);
    controller.abort();
    const build = await pending;
    assert.ok(build.error instanceof EngineError && build.error.kind === 'cancelled', `cancelled: ${String(build.error)}`);
    await until('the engine to stop the RUN', () => processesWith(marker) === 0, 30_000);
    assert.equal(processesWith(marker), 0);
    await assert.rejects(docker.getImage(tags.at(-1) ?? '').inspect(), 'no image was tagged');
  });

  it('sends a large context whole (40 MB in 2,000 files plus one big file)', async () => {
    const files: Record<string, string | Buffer> = { Dockerfile: `FROM ${baseImage}\nCOPY . /ctx\nRUN test "$(find /ctx/many -type f | wc -l)" -eq 2000 && test "$(wc -c < /ctx/big.bin)" -eq 33554432 && md5sum /ctx/big.bin` };
    for (let i = 0; i < 2000; i++) {
      files[`many/d${i % 20}/f${i}.txt`] = randomBytes(3500).toString('hex');
    }
    const big = randomBytes(32 * 1024 * 1024);
    files['big.bin'] = big;
    const build = await recordBuild(engine, { context: { directory: context(files), dockerfile: 'Dockerfile' }, tag: tag('large'), networkMode: 'none', labels });
    assert.equal(build.error, undefined, build.error?.message);
    const { createHash } = await import('node:crypto');
    assert.ok(build.output.includes(createHash('md5').update(big).digest('hex')), 'the big file arrived intact');
  });
});
