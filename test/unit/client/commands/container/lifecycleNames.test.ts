import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { portUrls } from '../../../../../client/src/commands/container/portUrls';
import { referencesToRemove } from '../../../../../client/src/commands/image/imageReferences';
import { objectNameProblem, parseImageReference } from '../../../../../client/src/commands/names';

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

describe('portUrls', () => {
  const cases: [string, Parameters<typeof portUrls>[0], string, string[]][] = [
    ['a wildcard binding on a local engine → localhost', [{ privatePort: 80, publicPort: 8080, protocol: 'tcp', hostIp: '0.0.0.0' }], 'unix:///var/run/docker.sock', ['http://localhost:8080']],
    ['IPv4 and IPv6 wildcards of one port → one URL', [
      { privatePort: 80, publicPort: 8080, protocol: 'tcp', hostIp: '0.0.0.0' },
      { privatePort: 80, publicPort: 8080, protocol: 'tcp', hostIp: '::' },
    ], 'unix:///var/run/docker.sock', ['http://localhost:8080']],
    ['a remote tcp engine → its host', [{ privatePort: 80, publicPort: 80, protocol: 'tcp' }], 'tcp://build.example.com:2376', ['http://build.example.com:80']],
    ['an ssh engine with a user → its host', [{ privatePort: 3000, publicPort: 3000, protocol: 'tcp' }], 'ssh://me@box:22', ['http://box:3000']],
    ['a specific binding → that address', [{ privatePort: 80, publicPort: 9000, protocol: 'tcp', hostIp: '127.0.0.1' }], 'tcp://far:2376', ['http://127.0.0.1:9000']],
    ['unpublished and udp ports → none', [
      { privatePort: 80, protocol: 'tcp' },
      { privatePort: 53, publicPort: 53, protocol: 'udp' },
    ], 'unix:///x', []],
  ];
  for (const [name, ports, target, expected] of cases) {
    it(name, () => assert.deepEqual(portUrls(ports, target).map((p) => p.url), expected));
  }
});
