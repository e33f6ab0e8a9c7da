import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ContainerSummary } from '../../../../client/src/engine/types';
import { containerDescriptor } from '../../../../client/src/explorer/containersDescriptor';
import type { TreeItemModel, ViewOptions } from '../../../../client/src/explorer/descriptors';
import { ExplorerState } from '../../../../client/src/explorer/explorerState';
import { formatOnly } from '../../../../client/src/explorer/format';
import { anchorStatus, humanDuration, nextTextChangeIn, renderStatus } from '../../../../client/src/explorer/relativeTime';
import { RelativeTimeTicker, type TickerClock, type TimedView } from '../../../../client/src/explorer/relativeTimeTicker';

const second = 1000;
const minute = 60 * second;
const hour = 60 * minute;
const day = 24 * hour;
const t0 = 1_800_000_000_000;

describe('relative times: the engine\'s words', () => {
  const table: readonly [number, string][] = [
    [0, 'Less than a second'],
    [999, 'Less than a second'],
    [1_000, '1 second'],
    [59_999, '59 seconds'],
    [60_000, 'About a minute'],
    [2 * minute, '2 minutes'],
    [59 * minute, '59 minutes'],
    [60 * minute, 'About an hour'],
    [89 * minute, 'About an hour'],
    [90 * minute, '2 hours'],
    [47 * hour, '47 hours'],
    [48 * hour, '2 days'],
    [14 * day, '2 weeks'],
    [60 * day, '2 months'],
    [730 * day, '2 years'],
  ];
  for (const [ms, text] of table) {
    it(`${ms} ms → ${text}`, () => assert.equal(humanDuration(ms), text));
  }
});

describe('relative times: a status read once stays true later', () => {
  const cases: readonly [string, number, string][] = [
    // The two reports: 8 minutes after a stop, 7 minutes after "Up 2 minutes".
    ['Exited (137) Less than a second ago', 8 * minute, 'Exited (137) 8 minutes ago'],
    ['Up 2 minutes', 7 * minute, 'Up 9 minutes'],
    ['Up 5 seconds (healthy)', 10 * second, 'Up 15 seconds (healthy)'],
    ['Up About an hour (Paused)', 2 * hour, '3 hours (Paused)'],
    ['Restarting (1) 3 seconds ago', 57 * second, 'Restarting (1) About a minute ago'],
  ];
  for (const [read, later, expected] of cases) {
    it(`"${read}" + ${later / 1000} s`, () => {
      const anchor = anchorStatus(read, t0);
      assert.ok(anchor);
      assert.equal(renderStatus(anchor, t0), read, 'reads the same at the moment it was read');
      assert.ok(renderStatus(anchor, t0 + later).endsWith(expected), renderStatus(anchor, t0 + later));
    });
  }
  it('texts without a time are left as they are', () => {
    assert.equal(anchorStatus('Created', t0), undefined);
    assert.equal(anchorStatus('Dead', t0), undefined);
    assert.equal(anchorStatus('Removal In Progress', t0), undefined);
  });
  it('plans the next render at the next second, minute, then half hour', () => {
    assert.equal(nextTextChangeIn(0), second);
    assert.equal(nextTextChangeIn(1_400), 600);
    assert.equal(nextTextChangeIn(90 * second), 30 * second);
    assert.equal(nextTextChangeIn(61 * minute), 29 * minute);
  });
});

function container(status: string): ContainerSummary {
  return { id: 'c1', name: 'web', image: 'busybox', imageId: 'sha256:1', command: 'sleep', created: t0 / 1000 - 600, state: 'exited', status, labels: {}, ports: [], mounts: [], networks: [] };
}

describe('containers view: status text rendered from the time it was read', () => {
  it('"Exited (137) Less than a second ago", 8 minutes later, in the description and the tooltip', () => {
    let now = t0;
    const state = new ExplorerState(() => now);
    state.replace('container', [container('Exited (137) Less than a second ago')]);
    now = t0 + 8 * minute + 3 * second;
    const ages: number[] = [];
    const options: ViewOptions = {
      groupContainersByComposeProject: false,
      sortBy: 'name',
      now,
      t: formatOnly,
      statusObservedAt: (id) => state.observedAt('container', id),
      onRelativeTime: (age) => ages.push(age),
    };
    const [item] = containerDescriptor.buildTree(state, options) as [TreeItemModel];
    assert.equal(item.description, 'busybox · Exited (137) 8 minutes ago');
    assert.match(item.tooltip, /Status: Exited \(137\) 8 minutes ago/);
    assert.deepEqual(ages, [8 * minute + 3 * second], 'the view learns the age it shows');
  });
});

/** A clock whose time moves only when told, with the timers it was asked for. */
function manualClock(): TickerClock & { advance(ms: number): void; pending(): number } {
  let now = t0;
  let timers: { at: number; callback: () => void; handle: number }[] = [];
  let next = 1;
  return {
    now: () => now,
    setTimeout: (callback, ms) => {
      const handle = next++;
      timers.push({ at: now + ms, callback, handle });
      return handle;
    },
    clearTimeout: (handle) => {
      timers = timers.filter((timer) => timer.handle !== handle);
    },
    advance(ms) {
      const until = now + ms;
      for (;;) {
        const due = timers.filter((timer) => timer.at <= until).sort((a, b) => a.at - b.at)[0];
        if (!due) {
          break;
        }
        timers = timers.filter((timer) => timer !== due);
        now = due.at;
        due.callback();
      }
      now = until;
    },
    pending: () => timers.length,
  };
}

describe('relative-time ticker: re-renders visible views when a text turns, and only then', () => {
  it('follows the earliest change, stops while nothing is visible, and never renders hidden views', () => {
    const clock = manualClock();
    const renders = { containers: 0, images: 0 };
    // Containers: a status that turns every minute; images: ages that turn every half hour.
    const containers: TimedView & { visible: boolean } = {
      visible: true,
      get nextTextChangeAt() {
        return clock.now() + nextTextChangeIn((clock.now() - t0) + 5 * minute);
      },
      rerender: () => {
        renders.containers += 1;
        ticker.schedule();
      },
    };
    const images: TimedView & { visible: boolean } = { visible: false, nextTextChangeAt: t0 + 10 * second, rerender: () => (renders.images += 1) };
    const ticker = new RelativeTimeTicker(() => [containers, images], clock);
    ticker.schedule();
    clock.advance(10 * minute + second);
    assert.equal(renders.images, 0, 'a hidden view is never re-rendered');
    assert.equal(renders.containers, 10, 'one render per minute of text change');
    containers.visible = false;
    ticker.schedule();
    assert.equal(clock.pending(), 0, 'nothing scheduled while no view is visible');
    clock.advance(hour);
    assert.equal(renders.containers, 10, 'no render while hidden');
  });
});
