import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { classifyEngineError } from '../../client/src/engine/errors';
import { toContainerSummary, toImageSummary } from '../../client/src/engine/mappers';
import { containerDescriptor, formatBytes, imageDescriptor } from '../../client/src/explorer/descriptors';

// Recorded Engine API JSON (trimmed), for pure mapping only; behaviour is tested against the real engine.
const recordedContainer = {
  Id: '4f2a9c0d7e1b5a3c',
  Names: ['/web'],
  Image: 'dockhand-test/busybox:latest',
  State: 'running',
  Status: 'Up 3 minutes',
  Labels: { 'com.docker.compose.project': 'shop', odd: 42 },
};

describe('engine JSON mappers', () => {
  it('maps a container and drops the leading slash', () => {
    const summary = toContainerSummary(recordedContainer);
    assert.equal(summary.name, 'web');
    assert.equal(summary.state, 'running');
    assert.deepEqual(summary.labels, { 'com.docker.compose.project': 'shop' });
  });
  it('survives missing fields', () => {
    const summary = toContainerSummary({});
    assert.equal(summary.state, 'unknown');
    assert.equal(summary.name, '');
  });
  it('drops <none>:<none> tags so dangling images are recognisable', () => {
    assert.deepEqual(toImageSummary({ Id: 'sha256:abc', RepoTags: ['<none>:<none>'], Size: 5 }).repoTags, []);
  });
});

describe('tree descriptors', () => {
  it('encodes kind and state in contextValue', () => {
    assert.equal(containerDescriptor.toModel(toContainerSummary(recordedContainer)).contextValue, 'container.running');
    assert.equal(imageDescriptor.toModel(toImageSummary({ Id: 'sha256:0123456789abcdef', RepoTags: [] })).contextValue, 'image.dangling');
  });
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
