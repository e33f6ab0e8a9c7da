/**
 * A container removed while its logs are followed and an exec session is open, then a new container
 * under the same name: the follower says the old one is gone and never attaches to the newcomer.
 */
import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Engine } from '../../client/src/engine/engine';
import { EngineError } from '../../client/src/engine/errors';
import { LogFollower, type LogGap } from '../../client/src/engine/streams/logFollower';
import { createTestContainer, removeLabelled, testDocker, testEngine, unhandledErrors, uniqueSuffix } from '../engineHelpers';
import { until } from '../until';

describe('a container removed under open logs and exec; its name reused', () => {
  const docker = testDocker();
  const suffix = uniqueSuffix();
  const unhandled = unhandledErrors();
  let engine: Engine;

  before(() => {
    unhandled.start();
    engine = testEngine(10_000);
  });
  after(async () => {
    unhandled.stop();
    await removeLabelled(docker, suffix);
  });

  it('marks the removal, ends the exec session with a reason, and ignores a new container of the same name', async () => {
    const name = `berthwise-removed-${suffix}`;
    const loop = (word: string): string[] => ['sh', '-c', `trap "exit 0" TERM; while true; do echo ${word}; sleep 0.1; done`];
    const first = await createTestContainer(docker, name, loop('old-container'), true);
    const lines: string[] = [];
    const gaps: LogGap[] = [];
    const failures: unknown[] = [];
    const follower = new LogFollower(engine, first.id, { tail: 5, since: 0 }, {
      line: (text) => void lines.push(text),
      gap: (kind) => void gaps.push(kind),
      failed: (error) => void failures.push(error),
    });
    await follower.start();
    await until('the old container’s lines', () => lines.includes('old-container'));
    const session = await engine.startExecSession({ containerId: first.id, cmd: ['sh'] });
    let exit: { code: number | undefined; lost?: EngineError } | undefined;
    session.onExit((code, lost) => (exit = { code, ...(lost ? { lost } : {}) }));

    await first.remove({ force: true });
    await until('the follower to mark the removal', () => gaps.includes('removed'));
    await until('the exec session to end', () => exit !== undefined);
    assert.deepEqual(failures, [], 'a removal is a marker, not a failure');
    // The engine leaves an exit code (126) that would read like the command's own failure: the reason must be given.
    assert.equal(exit?.lost?.kind, 'notFound', `exec ended with ${JSON.stringify(exit)}`);
    assert.match(exit.lost.message, /was removed/);

    const second = await createTestContainer(docker, name, loop('new-container'), true);
    assert.notEqual(second.id, first.id);
    // Readiness of the newcomer is observed through the API, not guessed with a sleep.
    await until('the new container’s output', async () => (await second.logs({ stdout: true, tail: 5 })).toString('utf8').includes('new-container'));
    await until('a few more lines of the new container', async () => (await second.logs({ stdout: true })).toString('utf8').split('new-container').length > 5);
    assert.equal(lines.includes('new-container'), false, 'the follower never attaches to a different container of the same name');
    // The log stream may end (a `stopped` marker) just before the destroy event arrives; nothing follows the removal.
    assert.equal(gaps.at(-1), 'removed', `gaps: ${gaps.join(', ')}`);
    assert.equal(gaps.includes('restarted'), false);

    // Anything still holding the old id gets a clear not-found, not a crash.
    await assert.rejects(engine.openLogStream(first.id, { follow: true, timestamps: true, tail: 1, since: 0 }), (error: unknown) => {
      assert.ok(error instanceof EngineError);
      assert.equal(error.kind, 'notFound');
      assert.match(error.message, /removed meanwhile/);
      return true;
    });
    await assert.rejects(engine.startExecSession({ containerId: first.id, cmd: ['sh'] }), (error: unknown) => error instanceof EngineError && error.kind === 'notFound');
    follower.stop();
    assert.deepEqual(unhandled.seen, [], 'no unhandled rejection or exception');
  });
});
