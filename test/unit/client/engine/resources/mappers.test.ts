import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { classifyEngineError } from '../../../../../client/src/engine/errors';
import { toContainerSummary, toEngineEvent, toImageSummary, toNetworkSummary, toVolumeSummary } from '../../../../../client/src/engine/resources/mappers';
import { containerToModel } from '../../../../../client/src/explorer/containersDescriptor';
import { formatAge, formatBytes, formatOnly } from '../../../../../client/src/explorer/descriptors';
import { imageToModel } from '../../../../../client/src/explorer/imagesDescriptor';

// Recorded Engine API JSON (trimmed), for pure mapping only; behaviour is tested against the real engine.
const recordedContainer = {
  Id: '4f2a9c0d7e1b5a3c',
  Names: ['/web'],
  Image: 'berthwise-test/busybox:latest',
  State: 'running',
  Status: 'Up 3 minutes',
  ImageID: 'sha256:1111',
  Command: 'sleep 300',
  Created: 1_700_000_000,
  Labels: { 'com.docker.compose.project': 'shop', odd: 42 },
  Ports: [
    { IP: '0.0.0.0', PrivatePort: 80, PublicPort: 8080, Type: 'tcp' },
    { IP: '::', PrivatePort: 80, PublicPort: 8080, Type: 'tcp' },
    { PrivatePort: 9000, Type: 'udp' },
  ],
  Mounts: [{ Type: 'volume', Name: 'data', Source: '/var/lib/docker/volumes/data/_data', Destination: '/data' }],
  NetworkSettings: { Networks: { none: { NetworkID: 'n0ne' } } },
};
const viewOptions = { groupContainersByComposeProject: true, sortBy: 'name' as const, now: 1_700_000_000_000 + 3 * 86_400_000, t: formatOnly };

describe('engine JSON mappers', () => {
  it('maps a container and drops the leading slash', () => {
    const summary = toContainerSummary(recordedContainer);
    assert.equal(summary.name, 'web');
    assert.equal(summary.state, 'running');
    assert.deepEqual(summary.labels, { 'com.docker.compose.project': 'shop' });
  });
  it('maps ports, mounts, networks, image id, command and creation time', () => {
    const summary = toContainerSummary(recordedContainer);
    assert.deepEqual(summary.ports[0], { privatePort: 80, publicPort: 8080, protocol: 'tcp', hostIp: '0.0.0.0' });
    assert.deepEqual(summary.ports[2], { privatePort: 9000, protocol: 'udp' });
    assert.deepEqual(summary.mounts, [{ type: 'volume', name: 'data', source: '/var/lib/docker/volumes/data/_data', destination: '/data' }]);
    assert.deepEqual(summary.networks, [{ name: 'none', networkId: 'n0ne' }]);
    assert.equal(summary.imageId, 'sha256:1111');
    assert.equal(summary.command, 'sleep 300');
    assert.equal(summary.created, 1_700_000_000);
  });
  it('survives missing fields', () => {
    const summary = toContainerSummary({});
    assert.equal(summary.state, 'unknown');
    assert.equal(summary.name, '');
    assert.deepEqual([summary.ports, summary.mounts, summary.networks], [[], [], []]);
  });
  it('reads the creation time of an inspected image (RFC 3339) like a listed one (seconds)', () => {
    assert.equal(toImageSummary({ Id: 'sha256:a', Created: '2023-11-14T22:13:20Z' }).created, 1_700_000_000);
    assert.equal(toImageSummary({ Id: 'sha256:a', Created: 1_700_000_000 }).created, 1_700_000_000);
  });
  it('reports a volume size only when the engine computed it', () => {
    assert.equal(toVolumeSummary({ Name: 'v', UsageData: { Size: -1, RefCount: -1 } }).size, undefined);
    assert.equal(toVolumeSummary({ Name: 'v', UsageData: { Size: 4096, RefCount: 1 } }).size, 4096);
  });
  it('maps a network with internal flag and labels', () => {
    const network = toNetworkSummary({ Id: 'abc', Name: 'backend', Driver: 'bridge', Scope: 'local', Internal: true, Labels: { a: 'b' }, Created: '2023-11-14T22:13:20.5Z' });
    assert.deepEqual(network, { id: 'abc', name: 'backend', driver: 'bridge', scope: 'local', internal: true, labels: { a: 'b' }, created: 1_700_000_000 });
  });
});

describe('engine event mapper', () => {
  const cases: [string, Record<string, unknown>, unknown][] = [
    [
      'a container stop',
      { Type: 'container', Action: 'stop', Actor: { ID: 'c1', Attributes: { name: 'web', image: 'busybox' } }, timeNano: 1_700_000_000_123_456_789 },
      { kind: 'container', action: 'stop', id: 'c1', attributes: { name: 'web', image: 'busybox' }, timeMs: 1_700_000_000_123 },
    ],
    ['an exec with its command detail', { Type: 'container', Action: 'exec_start: sh -c ls', Actor: { ID: 'c1' }, time: 5 }, { kind: 'container', action: 'exec_start', id: 'c1', attributes: {}, timeMs: 5000 }],
    ['a health status', { Type: 'container', Action: 'health_status: healthy', Actor: { ID: 'c1' } }, { kind: 'container', action: 'health_status', id: 'c1', attributes: {}, timeMs: 0 }],
    ['a network connect', { Type: 'network', Action: 'connect', Actor: { ID: 'n1', Attributes: { container: 'c1' } } }, { kind: 'network', action: 'connect', id: 'n1', attributes: { container: 'c1' }, timeMs: 0 }],
    ['a daemon reload (not shown)', { Type: 'daemon', Action: 'reload', Actor: { ID: 'd' } }, undefined],
    ['a message without actor', { Type: 'volume', Action: 'create' }, undefined],
  ];
  for (const [title, json, expected] of cases) {
    it(`maps ${title}`, () => assert.deepEqual(toEngineEvent(json), expected));
  }
  it('drops <none>:<none> tags so dangling images are recognisable', () => {
    assert.deepEqual(toImageSummary({ Id: 'sha256:abc', RepoTags: ['<none>:<none>'], Size: 5 }).repoTags, []);
  });
});

describe('tree descriptors', () => {
  it('encodes kind and state in contextValue', () => {
    assert.equal(containerToModel(toContainerSummary(recordedContainer), viewOptions).contextValue, 'container.running.published');
    assert.equal(imageToModel(toImageSummary({ Id: 'sha256:0123456789abcdef', RepoTags: [] }), undefined, [], viewOptions).contextValue, 'image.dangling');
  });
  it('shows image, status and published ports (IPv4/IPv6 merged) of a container', () => {
    assert.equal(containerToModel(toContainerSummary(recordedContainer), viewOptions).description, 'berthwise-test/busybox:latest · Up 3 minutes · 8080->80/tcp');
  });
  const ages: [number, string][] = [
    [0, '0s'],
    [59, '59s'],
    [3600, '1h'],
    [3 * 86_400, '3d'],
    [15 * 86_400, '2w'],
    [800 * 86_400, '2y'],
  ];
  for (const [seconds, text] of ages) {
    it(`shows an age of ${seconds} s as ${text}`, () => assert.equal(formatAge(1_000_000_000 - seconds, 1_000_000_000_000), text));
  }
  const sizes: [number, string][] = [
    [0, '0 B'],
    [999, '999 B'],
    [1500, '1.5 kB'],
    [2_000_000, '2.0 MB'],
    [123_000_000_000, '123 GB'],
  ];
  for (const [bytes, text] of sizes) {
    it(`formats ${bytes} bytes as ${text}`, () => assert.equal(formatBytes(bytes), text));
  }
});

describe('classifyEngineError', () => {
  const cases: [string, unknown, string, RegExp][] = [
    ['EACCES', { code: 'EACCES' }, 'permissionDenied', /docker" group/],
    ['ENOENT', { code: 'ENOENT' }, 'unreachable', /Start Docker/],
    ['ECONNREFUSED', { code: 'ECONNREFUSED' }, 'unreachable', /DOCKER_HOST/],
    ['HTTP 404', { statusCode: 404, json: { message: 'No such container: x' } }, 'notFound', /No such container/],
    ['HTTP 409', { statusCode: 409, json: { message: 'in use' } }, 'conflict', /in use/],
    ['a plain Error', new Error('boom'), 'other', /boom/],
  ];
  for (const [label, input, kind, message] of cases) {
    it(`classifies ${label} as ${kind}`, () => {
      const error = classifyEngineError(input, 'unix:///x.sock');
      assert.equal(error.kind, kind);
      assert.match(error.message, message);
    });
  }
});
