import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { referencesToRemove } from '../../client/src/commands/image/imageReferences';
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

describe('referencesToRemove', () => {
  const tags = ['app:1', 'app:latest', 'mirror/app:1'];
  const cases: [string, string, readonly string[], string[]][] = [
    ['the tags shown under one repository only', 'app:1, app:latest', tags, ['app:1', 'app:latest']],
    ['one tag', 'mirror/app:1', tags, ['mirror/app:1']],
    ['all tags when the label names none of them (palette pick)', '<none> 123', tags, tags],
    ['the id for an untagged image', '<none> abc', [], ['sha256:abc']],
  ];
  for (const [name, label, imageTags, expected] of cases) {
    it(name, () => assert.deepEqual(referencesToRemove('sha256:abc', label, imageTags), expected));
  }
});
