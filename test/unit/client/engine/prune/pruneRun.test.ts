import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EngineError } from '../../../../../client/src/engine/errors';
import type { PruneItem } from '../../../../../client/src/engine/prune/prunePlan';
import { runPrunePlan } from '../../../../../client/src/engine/prune/pruneRun';

const item = (id: string, size: number): PruneItem => ({ kind: 'images', id, label: id, size, tags: [] });

describe('runPrunePlan', () => {
  it('removes exactly the planned ids in order and sums what was removed', async () => {
    const calls: string[] = [];
    const summary = await runPrunePlan([item('a', 1), item('b', 2)], (i) => {
      calls.push(i.id);
      return Promise.resolve();
    });
    assert.deepEqual(calls, ['a', 'b']);
    assert.equal(summary.reclaimedBytes, 3);
    assert.equal(summary.failed.length, 0);
  });

  it('reports refusals with their reason, ignores objects already gone, and keeps going', async () => {
    const summary = await runPrunePlan([item('busy', 5), item('gone', 7), item('ok', 11)], (i) => {
      if (i.id === 'busy') {
        return Promise.reject(new EngineError('conflict', 'image is being used by running container'));
      }
      if (i.id === 'gone') {
        return Promise.reject(new EngineError('notFound', 'No such image'));
      }
      return Promise.resolve();
    });
    assert.deepEqual(summary.removed.map((i) => i.id), ['ok']);
    assert.deepEqual(summary.failed.map((f) => [f.item.id, f.kind]), [['busy', 'conflict']]);
    assert.match(summary.failed[0]?.message ?? '', /used by running container/);
    assert.equal(summary.reclaimedBytes, 11);
  });

  it('stops starting removals after cancellation and lists the rest as skipped', async () => {
    const controller = new AbortController();
    const summary = await runPrunePlan([item('a', 1), item('b', 2), item('c', 3)], (i) => {
      if (i.id === 'a') {
        controller.abort();
      }
      return Promise.resolve();
    }, { signal: controller.signal });
    assert.deepEqual(summary.removed.map((i) => i.id), ['a']);
    assert.deepEqual(summary.skipped.map((i) => i.id), ['b', 'c']);
  });
});
