import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { objectNameProblem, parseImageReference } from '../../client/src/commands/names';

describe('objectNameProblem', () => {
  const cases: [string, string | undefined][] = [
    ['web-1', undefined],
    ['my_app.v2', undefined],
    ['', 'empty'],
    ['-dash-first', 'characters'],
    ['has space', 'characters'],
    ['semi;colon', 'characters'],
  ];
  for (const [name, expected] of cases) {
    it(`${JSON.stringify(name)} → ${String(expected)}`, () => assert.equal(objectNameProblem(name), expected));
  }
});

describe('parseImageReference', () => {
  const cases: [string, { repository: string; tag: string } | undefined][] = [
    ['app', { repository: 'app', tag: 'latest' }],
    ['team/app:1.0', { repository: 'team/app', tag: '1.0' }],
    ['registry.local:5000/team/app:v2', { repository: 'registry.local:5000/team/app', tag: 'v2' }],
    ['registry.local:5000/app', { repository: 'registry.local:5000/app', tag: 'latest' }],
    ['Upper/app', undefined],
    ['app:bad tag', undefined],
    ['app:', undefined],
    ['', undefined],
  ];
  for (const [input, expected] of cases) {
    it(`${JSON.stringify(input)} → ${JSON.stringify(expected)}`, () => assert.deepEqual(parseImageReference(input), expected));
  }
});
