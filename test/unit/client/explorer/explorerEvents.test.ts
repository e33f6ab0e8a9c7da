import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { EngineEvent } from '../../../../client/src/engine/types';
import { announcementOf, effectKey, effectOf, effectsOf, meetsExpectation, type EventEffect, type ExpectedState } from '../../../../client/src/explorer/eventPlan';

const event = (kind: EngineEvent['kind'], action: string, id = 'x', attributes: Record<string, string> = {}): EngineEvent => ({ kind, action, id, attributes, timeMs: 0 });

describe('what an engine event does to the explorer', () => {
  const cases: [EngineEvent, EventEffect][] = [
    [event('container', 'stop'), { type: 'fetch', kind: 'container', id: 'x' }],
    [event('container', 'die'), { type: 'fetch', kind: 'container', id: 'x' }],
    [event('container', 'pause'), { type: 'fetch', kind: 'container', id: 'x' }],
    [event('container', 'unpause'), { type: 'fetch', kind: 'container', id: 'x' }],
    [event('container', 'kill'), { type: 'fetch', kind: 'container', id: 'x' }],
    [event('container', 'start'), { type: 'fetch', kind: 'container', id: 'x' }],
    [event('container', 'rename'), { type: 'fetch', kind: 'container', id: 'x' }],
    [event('container', 'health_status'), { type: 'fetch', kind: 'container', id: 'x' }],
    [event('container', 'destroy'), { type: 'remove', kind: 'container', id: 'x' }],
    [event('container', 'exec_start'), { type: 'none' }],
    [event('container', 'attach'), { type: 'none' }],
    [event('container', 'commit'), { type: 'relist', kind: 'image' }],
    [event('image', 'tag'), { type: 'fetch', kind: 'image', id: 'x' }],
    [event('image', 'untag'), { type: 'fetch', kind: 'image', id: 'x' }],
    [event('image', 'delete'), { type: 'remove', kind: 'image', id: 'x' }],
    [event('image', 'prune'), { type: 'relist', kind: 'image' }],
    [event('volume', 'create'), { type: 'fetch', kind: 'volume', id: 'x' }],
    [event('volume', 'mount'), { type: 'none' }],
    [event('volume', 'destroy'), { type: 'remove', kind: 'volume', id: 'x' }],
    [event('network', 'create'), { type: 'fetch', kind: 'network', id: 'x' }],
    [event('network', 'destroy'), { type: 'remove', kind: 'network', id: 'x' }],
    [event('network', 'connect', 'n', { container: 'c' }), { type: 'fetch', kind: 'container', id: 'c' }],
    [event('network', 'disconnect', 'n'), { type: 'none' }],
  ];
  for (const [input, effect] of cases) {
    it(`${input.kind} ${input.action} → ${effect.type}`, () => assert.deepEqual(effectOf(input), effect));
  }
  it('gives several events for one object the same key, so a burst costs one call', () => {
    const keys = ['kill', 'die', 'stop'].map((action) => effectKey(effectOf(event('container', action))));
    assert.equal(new Set(keys).size, 1);
    assert.equal(effectKey(effectOf(event('container', 'destroy'))), keys[0]);
  });
  it('re-lists the images when a classic build step ends (its helper container, made from an image id, is destroyed)', () => {
    const helper = event('container', 'destroy', 'x', { image: 'sha256:f30b264f5942', name: 'eloquent_robinson' });
    assert.deepEqual(effectsOf(helper), [
      { type: 'remove', kind: 'container', id: 'x' },
      { type: 'relist', kind: 'image' },
    ]);
    assert.deepEqual(effectsOf(event('container', 'destroy', 'x', { image: 'busybox:latest' })), [{ type: 'remove', kind: 'container', id: 'x' }]);
    assert.deepEqual(effectsOf(event('container', 'die', 'x', { image: 'sha256:f30b264f5942' })), [{ type: 'fetch', kind: 'container', id: 'x' }]);
  });
});

describe('what an event announces about its container\'s state', () => {
  const table: [EngineEvent, ReturnType<typeof announcementOf>][] = [
    [event('container', 'die'), 'notRunning'],
    [event('container', 'stop'), 'notRunning'],
    [event('container', 'pause'), 'paused'],
    [event('container', 'unpause'), 'notPaused'],
    [event('container', 'start'), 'movedOn'],
    [event('container', 'restart'), 'movedOn'],
    [event('container', 'create'), 'movedOn'],
    [event('container', 'kill'), undefined],
    [event('container', 'rename'), undefined],
    // Sent between a die and the saved state (the `none` network): it must not cancel the die's check.
    [event('network', 'disconnect', 'n', { container: 'x' }), undefined],
    [event('image', 'tag'), undefined],
  ];
  for (const [input, expected] of table) {
    it(`${input.kind} ${input.action} → ${String(expected)}`, () => assert.equal(announcementOf(input), expected));
  }
});

describe('whether a looked-up state is the one an event announced', () => {
  const table: [string, ExpectedState, boolean][] = [
    ['running', 'notRunning', false],
    ['exited', 'notRunning', true],
    ['restarting', 'notRunning', true],
    ['running', 'paused', false],
    ['paused', 'paused', true],
    ['paused', 'notPaused', false],
    ['running', 'notPaused', true],
  ];
  for (const [state, expect, met] of table) {
    it(`${state} ${met ? 'meets' : 'does not meet'} ${expect}`, () => assert.equal(meetsExpectation(state, expect), met));
  }
});
