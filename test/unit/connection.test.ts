import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeEndpoint, InvalidHostError, parseHost, resolveEngine, type ConnectionInputs } from '../../client/src/engine/connection';

const inputs = (overrides: Partial<ConnectionInputs>): ConnectionInputs => ({
  hostSetting: '',
  env: {},
  exists: () => false,
  uid: 1000,
  ...overrides,
});

describe('parseHost', () => {
  const cases: [string, string][] = [
    ['unix:///var/run/docker.sock', 'unix:///var/run/docker.sock'],
    ['tcp://127.0.0.1:2375', 'tcp://127.0.0.1:2375'],
    ['tcp://example.test', 'tcp://example.test:2375'],
    ['ssh://ops@build.example.test', 'ssh://ops@build.example.test:22'],
    ['ssh://build.example.test:2222', 'ssh://build.example.test:2222'],
  ];
  for (const [input, expected] of cases) {
    it(`reads ${input}`, () => assert.equal(describeEndpoint(parseHost(input)), expected));
  }
  it('uses TLS and port 2376 when DOCKER_TLS_VERIFY is set', () => {
    assert.deepEqual(parseHost('tcp://h', true, '/certs'), { kind: 'tcp', host: 'h', port: 2376, tls: true, certPath: '/certs' });
  });
  for (const bad of ['unix://relative.sock', 'not a url', 'ftp://host', '']) {
    it(`rejects ${JSON.stringify(bad)} with a readable error`, () => assert.throws(() => parseHost(bad), InvalidHostError));
  }
});

describe('resolveEngine', () => {
  it('prefers the setting over DOCKER_HOST', () => {
    const resolved = resolveEngine(inputs({ hostSetting: 'tcp://a:1', env: { DOCKER_HOST: 'tcp://b:2' } }));
    assert.equal(describeEndpoint(resolved.endpoint), 'tcp://a:1');
    assert.match(resolved.reason, /setting/);
  });
  it('uses DOCKER_HOST when the setting is empty', () => {
    const resolved = resolveEngine(inputs({ env: { DOCKER_HOST: 'unix:///tmp/d.sock' } }));
    assert.equal(describeEndpoint(resolved.endpoint), 'unix:///tmp/d.sock');
    assert.match(resolved.reason, /DOCKER_HOST/);
  });
  it('falls back to the rootless socket when the default one is absent', () => {
    const resolved = resolveEngine(inputs({ exists: (p) => p === '/run/user/1000/docker.sock' }));
    assert.equal(describeEndpoint(resolved.endpoint), 'unix:///run/user/1000/docker.sock');
    assert.match(resolved.reason, /rootless/);
  });
  it('finds a rootless Podman socket under XDG_RUNTIME_DIR', () => {
    const resolved = resolveEngine(inputs({ env: { XDG_RUNTIME_DIR: '/xdg' }, exists: (p) => p === '/xdg/podman/podman.sock' }));
    assert.equal(describeEndpoint(resolved.endpoint), 'unix:///xdg/podman/podman.sock');
  });
  it('names the default socket when nothing exists', () => {
    assert.equal(describeEndpoint(resolveEngine(inputs({})).endpoint), 'unix:///var/run/docker.sock');
  });
});
