/** Following logs against the real engine: demultiplexed streams, a restart gap, bounded memory under a flood. */
import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Engine } from '../../client/src/engine/engine';
import { LogFollower, type LogGap } from '../../client/src/engine/streams/logFollower';
import { BoundedTextBuffer, StreamDemuxer } from '../../client/src/engine/streams/streams';
import { baseImage, removeLabelled, testDocker, testEngine, testLabel, uniqueSuffix } from '../engineHelpers';
import { until } from '../until';

interface Recorded {
  readonly lines: { text: string; stream: string }[];
  readonly gaps: LogGap[];
}

describe('logs against the real engine', () => {
  const docker = testDocker();
  const suffix = uniqueSuffix();
  const labels = { [testLabel]: 'true' };
  let engine: Engine;

  before(() => {
    engine = testEngine(15_000);
  });
  after(async () => {
    await removeLabelled(docker, suffix);
  });

  it('keeps following across a restart, marks the gap, shows stderr apart and never repeats a line', async () => {
    const container = await docker.createContainer({
      name: `berthwise-logs-restart-${suffix}`,
      Image: baseImage,
      Cmd: ['sh', '-c', 'trap "exit 0" TERM; echo hello; echo oops >&2; while true; do sleep 0.2; done'],
      Labels: labels,
      HostConfig: { NetworkMode: 'none' },
    });
    await container.start();
    const recorded: Recorded = { lines: [], gaps: [] };
    const follower = new LogFollower(engine, container.id, { tail: 'all', since: 0 }, {
      line: (text, stream) => void recorded.lines.push({ text, stream }),
      gap: (kind) => void recorded.gaps.push(kind),
      failed: (error) => assert.fail(String(error)),
    });
    try {
      await follower.start();
      await until('the first run', () => recorded.lines.length >= 2);
      await container.stop({ t: 5 });
      await until('the stop marker', () => recorded.gaps.includes('stopped'));
      await container.start();
      await until('the second run', () => recorded.lines.length >= 4);
      assert.deepEqual(recorded.gaps, ['stopped', 'restarted']);
      assert.deepEqual(recorded.lines.filter((l) => l.text === 'hello').map((l) => l.stream), ['stdout', 'stdout']);
      assert.deepEqual(recorded.lines.filter((l) => l.text === 'oops').map((l) => l.stream), ['stderr', 'stderr']);
      assert.equal(recorded.lines.length, 4, JSON.stringify(recorded.lines));
    } finally {
      follower.stop();
    }
  });

  it('reads a snapshot of a finished container as multiplexed frames', async () => {
    const container = await docker.createContainer({
      name: `berthwise-logs-snap-${suffix}`,
      Image: baseImage,
      Cmd: ['sh', '-c', 'echo out; echo err >&2'],
      Labels: labels,
      HostConfig: { NetworkMode: 'none' },
    });
    await container.start();
    await container.wait();
    const { tty, data } = await engine.readLogs(container.id, { timestamps: false, tail: 'all', since: 0 });
    assert.equal(tty, false);
    const frames = new StreamDemuxer().push(data).map((f) => `${f.stream}:${f.data.toString().trim()}`);
    assert.deepEqual(frames.sort(), ['stderr:err', 'stdout:out']);
  });

  it('stays bounded under a flood: the pending buffer never exceeds its capacity', async () => {
    const container = await docker.createContainer({
      name: `berthwise-logs-flood-${suffix}`,
      Image: baseImage,
      Cmd: ['sh', '-c', 'yes berthwise-flood-line | head -n 300000; sleep 300'],
      Labels: labels,
      HostConfig: { NetworkMode: 'none' },
    });
    await container.start();
    const capacity = 64 * 1024;
    const pending = new BoundedTextBuffer(capacity);
    let lines = 0;
    let maxSize = 0;
    const heapBefore = process.memoryUsage().heapUsed;
    const follower = new LogFollower(engine, container.id, { tail: 'all', since: 0 }, {
      line: (text) => {
        lines += 1;
        pending.push(`${text}\r\n`); // never taken: as if the terminal could not keep up at all
        maxSize = Math.max(maxSize, pending.size);
      },
      gap: () => undefined,
      failed: (error) => assert.fail(String(error)),
    });
    try {
      await follower.start();
      await until('the flood to arrive', () => lines >= 300_000, 60_000);
    } finally {
      follower.stop();
    }
    const taken = pending.take();
    assert.ok(maxSize <= capacity, `pending ${maxSize} ≤ ${capacity}`);
    assert.ok(taken.dropped > 0, 'the oldest text was dropped, not kept');
    const growthMb = (process.memoryUsage().heapUsed - heapBefore) / 1e6;
    console.log(`flood: ${lines} lines followed, heap growth ${growthMb.toFixed(1)} MB`);
  });
});
