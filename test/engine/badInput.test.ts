/**
 * Bad input against the real engine: binary and huge log output (bounded memory, no crash) and
 * object names, arguments and output full of shell metacharacters and Unicode (passed as data,
 * never interpreted by a shell).
 */
import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Engine } from '../../client/src/engine/engine';
import { LogFollower } from '../../client/src/engine/streams/logFollower';
import { snapshotMaxBytes } from '../../client/src/engine/streams/logSnapshot';
import { StreamDemuxer } from '../../client/src/engine/streams/streams';
import { baseImage, createTestContainer, removeLabelled, testDocker, testEngine, testLabel, unhandledErrors, uniqueSuffix } from '../engineHelpers';
import { until } from '../until';

/** What a shell would act on if anything passed it through one: each leaves a trace file. */
const hostile = "x;touch /tmp/p1 $(touch /tmp/p2) `touch /tmp/p3` | touch /tmp/p4 & touch /tmp/p5 > /tmp/p6 'q' \"dq\" \\ * ? ~ ! # 名字 ✓ ü 🐳 \u202e";

describe('bad input against the real engine', () => {
  const docker = testDocker();
  const suffix = uniqueSuffix();
  const unhandled = unhandledErrors();
  let engine: Engine;

  before(() => {
    unhandled.start();
    engine = testEngine(30_000);
  });
  after(async () => {
    unhandled.stop();
    await removeLabelled(docker, suffix);
  });

  it('binary output and a 4 MB line without a newline: followed in bounded lines, snapshot bounded, nothing thrown', async () => {
    // 2 MB of random bytes (NULs, invalid UTF-8, escape sequences), one 4 MB line, then a marker.
    const script = 'head -c 2000000 /dev/urandom; head -c 4000000 /dev/zero | tr "\\000" a; echo; echo end-of-bad-output; sleep 300';
    const container = await createTestContainer(docker, `berthwise-binary-${suffix}`, ['sh', '-c', script], true);
    let lines = 0;
    let longest = 0;
    let sawMarker = false;
    const failures: unknown[] = [];
    const heapBefore = process.memoryUsage().heapUsed;
    const follower = new LogFollower(engine, container.id, { tail: 'all', since: 0 }, {
      line: (text) => {
        lines += 1;
        longest = Math.max(longest, text.length);
        sawMarker ||= text === 'end-of-bad-output';
      },
      gap: () => undefined,
      failed: (error) => void failures.push(error),
    });
    try {
      await follower.start();
      await until('the marker after the bad output', () => sawMarker, 60_000);
    } finally {
      follower.stop();
    }
    assert.deepEqual(failures, []);
    assert.ok(longest <= 64 * 1024, `no line longer than the splitter's 64 KiB limit (longest ${longest})`);

    const snapshot = await engine.readLogs(container.id, { timestamps: false, tail: 'all', since: 0 });
    const frames = new StreamDemuxer().push(snapshot.data);
    const payload = frames.reduce((sum, frame) => sum + frame.data.length, 0);
    assert.ok(payload <= snapshotMaxBytes, `the snapshot keeps at most ${snapshotMaxBytes} bytes (kept ${payload})`);
    assert.ok(snapshot.droppedBytes > 0 || payload < snapshotMaxBytes);
    assert.match(frames.at(-1)?.data.toString('utf8') ?? '', /end-of-bad-output/, 'the newest output is what is kept');
    assert.deepEqual(unhandled.seen, []);
    const growthMb = (process.memoryUsage().heapUsed - heapBefore) / 1e6;
    console.log(`bad output: ${lines} lines followed (longest ${longest} chars), snapshot ${(payload / 1e6).toFixed(1)} MB kept of ${((payload + snapshot.droppedBytes) / 1e6).toFixed(1)} MB, heap growth ${growthMb.toFixed(1)} MB`);
  });

  it('a snapshot of a log larger than the bound keeps only the newest part', async () => {
    const container = await createTestContainer(docker, `berthwise-bigsnap-${suffix}`, ['sh', '-c', 'yes 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde | head -n 200000; echo newest-line'], true);
    await container.wait();
    const snapshot = await engine.readLogs(container.id, { timestamps: false, tail: 'all', since: 0 });
    const frames = new StreamDemuxer().push(snapshot.data);
    const payload = frames.reduce((sum, frame) => sum + frame.data.length, 0);
    assert.ok(payload <= snapshotMaxBytes, `kept ${payload}`);
    assert.ok(snapshot.droppedBytes >= 200_000 * 64 + 12 - snapshotMaxBytes, `dropped ${snapshot.droppedBytes}`);
    assert.match(frames.at(-1)?.data.toString('utf8') ?? '', /newest-line/);
  });

  it('exec arguments with shell metacharacters and Unicode arrive verbatim; nothing is interpreted', async () => {
    const container = await createTestContainer(docker, `berthwise-meta-${suffix}`, ['sleep', '300'], true);
    const echoed = await engine.runExec(container.id, ['printf', '%s', hostile]);
    assert.equal(echoed.exitCode, 0);
    assert.equal(echoed.stdout, hostile);
    for (const trace of ['/tmp/p1', '/tmp/p2', '/tmp/p3', '/tmp/p4', '/tmp/p5', '/tmp/p6']) {
      const probe = await engine.runExec(container.id, ['test', '-e', trace]);
      assert.equal(probe.exitCode, 1, `${trace} was not created`);
    }
  });

  it('a network named with metacharacters and Unicode is listed, found, inspected and removed', async () => {
    const name = `berthwise-${suffix}-${hostile.replace(/\//g, '_')}`;
    const created = await docker.createNetwork({ Name: name, Labels: { [testLabel]: 'true' } });
    try {
      assert.ok((await engine.listNetworks()).some((network) => network.name === name && network.id === created.id));
      assert.equal((await engine.findNetwork(created.id))?.name, name);
      // Test containers stay on the `none` network, so connecting one is not exercised here.
      assert.equal((await engine.inspect('network', created.id) as { Name?: string }).Name, name);
      await engine.removeNetwork(created.id);
      assert.equal(await engine.findNetwork(created.id), undefined);
    } finally {
      await created.remove().catch(() => undefined);
    }
  });

  it('container names with metacharacters or Unicode are refused by the engine with a clear message, never run', async () => {
    const container = await createTestContainer(docker, `berthwise-rename-${suffix}`, ['true'], false);
    for (const bad of ['a;touch /tmp/p', 'ünïcödé', '$(id)']) {
      await assert.rejects(engine.renameContainer(container.id, bad), (error: unknown) => error instanceof Error && /invalid container name|Invalid container name|only \[/.test(error.message));
    }
    await assert.rejects(engine.runContainer({ image: baseImage, name: 'x;y', networkMode: 'none' }), (error: unknown) => error instanceof Error && /invalid container name|Invalid container name/i.test(error.message));
  });
});
