import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normaliseTail, parseSince } from '../../../../../client/src/commands/logs/logOptions';

describe('parseSince', () => {
  const now = 1_800_000_000;
  const cases: [string, number | undefined][] = [
    ['', 0],
    ['  ', 0],
    ['30s', now - 30],
    ['10m', now - 600],
    ['2h', now - 7200],
    ['1d', now - 86400],
    ['2025-01-31T12:00:00Z', 1738324800],
    ['yesterday', undefined],
    ['10 minutes', undefined],
  ];
  for (const [input, expected] of cases) {
    it(`${JSON.stringify(input)} → ${String(expected)}`, () => assert.equal(parseSince(input, now), expected));
  }
});

describe('normaliseTail', () => {
  const cases: [unknown, number | 'all'][] = [
    [500, 500],
    [0, 0],
    [12.7, 12],
    [-1, 'all'],
    ['100', 'all'],
    [undefined, 'all'],
  ];
  for (const [input, expected] of cases) {
    it(`${JSON.stringify(input)} → ${String(expected)}`, () => assert.equal(normaliseTail(input), expected));
  }
});
