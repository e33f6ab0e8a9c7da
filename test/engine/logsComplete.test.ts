/**
 * A followed log never loses or repeats a line, against the real engine: stdout and stderr written
 * in turn at a high rate (so their timestamps interleave out of order), the container restarted
 * twice in the middle of its output, and what the follower delivered compared with the engine's own
 * non-follow logs, line by line and stream by stream. Also: the stop marker carries the time the
 * container stopped, not the time the follower noticed.
 */
import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type Docker from 'dockerode';
import type { Engine } from '../../client/src/engine/engine';
import { LogFollower, type LogGap } from '../../client/src/engine/streams/logFollower';
import { baseImage, removeLabelled, testDocker, testEngine, testLabel, uniqueSuffix } from '../engineHelpers';
import { until } from '../until';

type Stream = 'stdout' | 'stderr';
type Lines = Record<Stream, string[]>;

/** The engine's own answer: every line with its timestamp, split by stream (the 8-byte frame headers read here, independently). */
async function engineLines(container: Docker.Container): Promise<Lines> {
  const raw = await container.logs({ stdout: true, stderr: true, timestamps: true, follow: false });
  const text: Lines = { stdout: [], stderr: [] };
  const partial = { stdout: '', stderr: '' };
  for (let offset = 0; offset + 8 <= raw.length; ) {
    const size = raw.readUInt32BE(offset + 4);
    const stream: Stream = raw[offset] === 2 ? 'stderr' : 'stdout';
    partial[stream] += raw.subarray(offset + 8, offset + 8 + size).toString('utf8');
    offset += 8 + size;
  }
  for (const stream of ['stdout', 'stderr'] as const) {
    text[stream] = partial[stream].split('\n').filter((line) => line !== '');
  }
  return text;
}

describe('a followed log is complete', () => {
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

  it('interleaved stdout/stderr at a high rate, restarted twice mid-output: every line once, per-stream order kept', async () => {
    const perRun = 3000;
    // Pauses now and then so each run lasts long enough to be restarted in the middle of it.
    const script = `trap "exit 0" TERM; i=0; while [ $i -lt ${perRun} ]; do i=$((i+1)); echo o$i; echo e$i >&2; [ $((i%250)) -eq 0 ] && sleep 0.1; done; echo done; echo done >&2; while true; do sleep 0.1; done`;
    const container = await docker.createContainer({ name: `berthwise-logs-complete-${suffix}`, Image: baseImage, Cmd: ['sh', '-c', script], Labels: labels, HostConfig: { NetworkMode: 'none' } });
    await container.start();
    const delivered: Lines = { stdout: [], stderr: [] };
    const gaps: LogGap[] = [];
    let sinceRestart = 0;
    const follower = new LogFollower(engine, container.id, { tail: 'all', since: 0 }, {
      line: (text, stream, timestamp) => {
        delivered[stream].push(`${timestamp ?? '?'} ${text}`);
        sinceRestart += 1;
      },
      gap: (kind) => {
        gaps.push(kind);
        sinceRestart = 0;
      },
      failed: (error) => assert.fail(String(error)),
    });
    try {
      await follower.start();
      for (let restart = 1; restart <= 2; restart += 1) {
        await until(`run ${restart} to be under way`, () => sinceRestart >= 1500);
        await container.restart({ t: 5 });
        await until(`the follower to re-attach after restart ${restart}`, () => gaps.filter((g) => g === 'restarted').length === restart);
      }
      const lastStart = Date.parse((await container.inspect()).State.StartedAt);
      const finishedAfter = (lines: string[], since: number): boolean => lines.some((line) => line.endsWith(' done') && Date.parse(line.slice(0, line.indexOf(' '))) > since);
      await until('the last run to finish writing', async () => finishedAfter((await engineLines(container)).stderr, lastStart));
      const expected = await engineLines(container);
      const total = (lines: Lines): number => lines.stdout.length + lines.stderr.length;
      await until('the follower to catch up', () => total(delivered) >= total(expected), 20_000).catch(() => undefined);
      const interrupted = 3 - expected.stdout.filter((line) => line.endsWith(' done')).length;
      for (const stream of ['stdout', 'stderr'] as const) {
        const missing = expected[stream].length - delivered[stream].length;
        assert.deepEqual(delivered[stream], expected[stream], `${stream}: ${missing} lines short of the engine's own logs`);
      }
      assert.deepEqual(gaps, ['stopped', 'restarted', 'stopped', 'restarted']);
      console.log(`logs complete: ${total(delivered)} lines followed across 2 restarts, equal to the engine's own logs (${interrupted} runs restarted mid-output)`);
    } finally {
      follower.stop();
    }
  });

  it("marks a stop with the container's own stop time, not the time the follower attached", async () => {
    const container = await docker.createContainer({ name: `berthwise-logs-stoptime-${suffix}`, Image: baseImage, Cmd: ['sh', '-c', 'echo bye'], Labels: labels, HostConfig: { NetworkMode: 'none' } });
    await container.start();
    await container.wait();
    const finishedAt = Date.parse((await container.inspect()).State.FinishedAt);
    // Attach well after it stopped, so the two times cannot coincide.
    await until('a second to pass since the container stopped', () => Date.now() >= finishedAt + 1500);
    const gaps: { kind: LogGap; at: Date }[] = [];
    const follower = new LogFollower(engine, container.id, { tail: 'all', since: 0 }, {
      line: () => undefined,
      gap: (kind, at) => void gaps.push({ kind, at }),
      failed: (error) => assert.fail(String(error)),
    });
    try {
      await follower.start();
      await until('the stop marker', () => gaps.length > 0);
      assert.equal(gaps[0]?.kind, 'stopped');
      assert.equal(gaps[0]?.at?.getTime(), finishedAt, `marked at ${gaps[0]?.at?.toISOString()}, stopped at ${new Date(finishedAt).toISOString()}`);
    } finally {
      follower.stop();
    }
  });
});

