import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { forEachTarget, forEachTargetConcurrently, maxConcurrentTargets } from '../../../../client/src/commands/eachTarget';

/** An action whose calls wait until the test lets them go, recording how many ran at once. */
function gatedAction(): { action: (target: number) => Promise<void>; started: number[]; peak: () => number; release: () => void } {
  const started: number[] = [];
  let running = 0;
  let peak = 0;
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (release = resolve));
  return {
    started,
    peak: () => peak,
    release,
    action: async (target) => {
      started.push(target);
      running += 1;
      peak = Math.max(peak, running);
      await gate;
      running -= 1;
      if (target === 2) {
        throw new Error('two failed');
      }
    },
  };
}

describe('running a command over several targets', () => {
  it('concurrently: all start before any finishes (up to the limit), every one runs, the first failure is reported', async () => {
    const targets = Array.from({ length: maxConcurrentTargets + 3 }, (_, index) => index);
    const gated = gatedAction();
    const done = forEachTargetConcurrently(targets, gated.action);
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(gated.started.length, maxConcurrentTargets, 'as many at once as the limit allows');
    gated.release();
    await assert.rejects(done, /two failed/);
    assert.deepEqual([...gated.started].sort((a, b) => a - b), targets);
    assert.equal(gated.peak(), maxConcurrentTargets);
  });

  it('one after the other: the next starts only when the previous finished', async () => {
    const gated = gatedAction();
    const done = forEachTarget([0, 1, 2, 3], gated.action);
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(gated.started, [0]);
    gated.release();
    await assert.rejects(done, /two failed/);
    assert.deepEqual(gated.started, [0, 1, 2, 3]);
    assert.equal(gated.peak(), 1);
  });
});
