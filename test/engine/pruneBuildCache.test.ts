/**
 * Build cache prune against the real engine: records made by a real BuildKit build (Debian's
 * docker.io client, which carries BuildKit itself, on the `none` network), previewed, narrowed to
 * this run's own records (cache records carry no labels, and other work may share the engine),
 * then removed exactly; records of a build that finished after the preview survive, and a previewed
 * record BuildKit keeps (the base step the later build reuses) is reported as kept, never as removed.
 */
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parseHost } from '../../client/src/engine/resolution/connection';
import { createEngine, type Engine } from '../../client/src/engine/engine';
import { planPrune } from '../../client/src/engine/prune/prunePlan';
import { runPrunePlan } from '../../client/src/engine/prune/pruneRun';
import { baseImage, testDocker, uniqueSuffix } from '../engineHelpers';

/** Debian's docker.io client (installed with the test engine); it builds with BuildKit without buildx. */
const buildkitClient = '/usr/bin/docker';

function build(host: string, contextDir: string, tag: string, line: string): Promise<void> {
  writeFileSync(join(contextDir, 'Dockerfile'), `FROM ${baseImage}\nRUN echo ${JSON.stringify(line)} > /made-by-berthwise-test\n`);
  return new Promise((resolve, reject) => {
    execFile(
      buildkitClient,
      ['build', '--network', 'none', '--tag', tag, contextDir],
      { env: { ...process.env, DOCKER_HOST: host, DOCKER_BUILDKIT: '1' }, timeout: 120_000 },
      (error, _stdout, stderr) => (error ? reject(new Error(`docker build failed: ${stderr}`)) : resolve()),
    );
  });
}

describe('build cache prune against the real engine', () => {
  const docker = testDocker();
  const suffix = uniqueSuffix();
  const tags = [`berthwise-test-cache-a:${suffix}`, `berthwise-test-cache-b:${suffix}`];
  let host: string;
  let engine: Engine;
  let contextDir: string;

  const cacheIds = async (): Promise<Set<string>> => new Set((await engine.readPruneInventory()).buildCache.map((record) => record.id));

  before(() => {
    host = process.env['DOCKER_HOST'] ?? '';
    assert.ok(host, 'DOCKER_HOST names the test engine');
    assert.ok(existsSync(buildkitClient), `${buildkitClient} (Debian docker.io) is needed to make real build cache records`);
    engine = createEngine(parseHost(host), 30_000);
    contextDir = mkdtempSync(join(tmpdir(), 'berthwise-cache-'));
  });
  after(async () => {
    rmSync(contextDir, { recursive: true, force: true });
    for (const tag of tags) {
      await docker.getImage(tag).remove().catch(() => undefined);
    }
  });

  it('removes exactly the previewed records; records of a later build and everyone else’s stay', async () => {
    const [firstTag, secondTag] = tags as [string, string];
    const before = await cacheIds();
    await build(host, contextDir, firstTag, `first ${suffix}`);
    const afterFirst = await cacheIds();
    const mine = [...afterFirst].filter((id) => !before.has(id));
    assert.ok(mine.length > 0, 'the build made new cache records');

    // The preview lists every unused record; the user narrows it to this run's own ones.
    const preview = planPrune(await engine.readPruneInventory(), { kinds: ['buildCache'], allImages: false, protectionLabel: 'berthwise.protect=true' });
    const previewed = preview.items.filter((item) => mine.includes(item.id));
    assert.deepEqual(previewed.map((item) => item.id).sort(), [...mine].sort(), 'every new record is in the preview');

    await build(host, contextDir, secondTag, `second ${suffix}`);
    const late = [...(await cacheIds())].filter((id) => !afterFirst.has(id));
    assert.ok(late.length > 0, 'the later build made records of its own');

    const summary = await runPrunePlan(previewed, (item) => engine.removePruneItem(item));
    const remaining = await cacheIds();
    const removed = summary.removed.map((item) => item.id);
    const kept = summary.failed.map((failure) => failure.item.id);
    assert.ok(removed.length > 0, 'records were removed');
    assert.deepEqual([...removed, ...kept].sort(), [...mine].sort(), 'each previewed record is either removed or reported');
    assert.deepEqual(removed.filter((id) => remaining.has(id)), [], 'what the summary calls removed is gone');
    // A record the later build still builds on (its base step) is kept by BuildKit: reported, not claimed.
    assert.deepEqual(kept.filter((id) => !remaining.has(id)), [], 'what the summary calls kept is still there');
    for (const failure of summary.failed) {
      assert.equal(failure.kind, 'conflict');
      assert.match(failure.message, /newer build steps/);
    }
    assert.deepEqual(late.filter((id) => !remaining.has(id)), [], 'records made after the preview survive');
    assert.deepEqual([...before].filter((id) => !remaining.has(id)), [], 'records that were there before are untouched');
  });
});
