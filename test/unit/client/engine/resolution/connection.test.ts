import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { join } from 'node:path';
import { describeEndpoint, InvalidHostError, parseHost, resolveEngine, type ConnectionInputs } from '../../../../../client/src/engine/resolution/connection';
import { contextDirName, dockerConfigDir } from '../../../../../client/src/engine/resolution/contexts';

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

/** An in-memory Docker config directory: `files` maps paths to their text. */
function contextStore(home: string, currentContext: string | undefined, contexts: Record<string, { host: string; skip?: boolean; tls?: boolean }>): Partial<ConnectionInputs> {
  const configDir = join(home, '.docker');
  const files = new Map<string, string>();
  if (currentContext !== undefined) {
    files.set(join(configDir, 'config.json'), JSON.stringify({ auths: {}, currentContext }));
  }
  for (const [name, context] of Object.entries(contexts)) {
    const key = contextDirName(name);
    files.set(
      join(configDir, 'contexts', 'meta', key, 'meta.json'),
      JSON.stringify({ Name: name, Metadata: {}, Endpoints: { docker: { Host: context.host, SkipTLSVerify: context.skip ?? false } } }),
    );
    if (context.tls) {
      for (const file of ['ca.pem', 'cert.pem', 'key.pem']) {
        files.set(join(configDir, 'contexts', 'tls', key, 'docker', file), 'PEM');
      }
    }
  }
  return { homeDir: home, readFile: (path) => files.get(path), exists: (path) => files.has(path) };
}

describe('resolveEngine with Docker contexts', () => {
  const store = contextStore('/home/dev', 'remote', {
    remote: { host: 'tcp://remote.example.test:2376', tls: true },
    lab: { host: 'ssh://ops@lab.example.test' },
    insecure: { host: 'tcp://10.0.0.9:2376', skip: true },
  });
  const cases: { title: string; extra: Partial<ConnectionInputs>; endpoint: string; source: string; context?: string }[] = [
    { title: 'the current context from config.json', extra: store, endpoint: 'tcp://remote.example.test:2376 (TLS)', source: 'currentContext', context: 'remote' },
    { title: 'DOCKER_CONTEXT over the current context', extra: { ...store, env: { DOCKER_CONTEXT: 'lab' } }, endpoint: 'ssh://ops@lab.example.test:22', source: 'dockerContext', context: 'lab' },
    { title: 'DOCKER_HOST over DOCKER_CONTEXT', extra: { ...store, env: { DOCKER_HOST: 'unix:///h.sock', DOCKER_CONTEXT: 'lab' } }, endpoint: 'unix:///h.sock', source: 'dockerHost' },
    { title: 'the setting over everything', extra: { ...store, hostSetting: 'tcp://s:1', env: { DOCKER_HOST: 'unix:///h.sock', DOCKER_CONTEXT: 'lab' } }, endpoint: 'tcp://s:1', source: 'setting' },
    { title: 'the sockets when DOCKER_CONTEXT is "default"', extra: { ...store, env: { DOCKER_CONTEXT: 'default' } }, endpoint: 'unix:///var/run/docker.sock', source: 'fallback' },
    { title: 'the sockets when config.json names no context', extra: contextStore('/home/dev', undefined, {}), endpoint: 'unix:///var/run/docker.sock', source: 'fallback' },
  ];
  for (const { title, extra, endpoint, source, context } of cases) {
    it(`uses ${title}`, () => {
      const resolved = resolveEngine(inputs(extra));
      assert.equal(describeEndpoint(resolved.endpoint), endpoint);
      assert.equal(resolved.source, source);
      assert.equal(resolved.contextName, context);
    });
  }
  it('takes the TLS material of the context from contexts/tls/<sha256 of the name>/docker', () => {
    const resolved = resolveEngine(inputs(store));
    assert.equal(resolved.endpoint.kind === 'tcp' && resolved.endpoint.certPath, join('/home/dev/.docker/contexts/tls', contextDirName('remote'), 'docker'));
  });
  it('keeps SkipTLSVerify', () => {
    const resolved = resolveEngine(inputs({ ...store, env: { DOCKER_CONTEXT: 'insecure' } }));
    assert.ok(resolved.endpoint.kind === 'tcp' && resolved.endpoint.tls && resolved.endpoint.skipVerify === true);
  });
  it('names the context in the reason', () => {
    assert.match(resolveEngine(inputs({ ...store, env: { DOCKER_CONTEXT: 'lab' } })).reason, /"lab".*DOCKER_CONTEXT/);
  });
  it('rejects an unknown context instead of silently using another engine', () => {
    assert.throws(() => resolveEngine(inputs({ ...store, env: { DOCKER_CONTEXT: 'nope' } })), (error: unknown) => error instanceof InvalidHostError && /"nope" does not exist/.test(error.message));
  });
  it('reads DOCKER_CONFIG instead of ~/.docker', () => {
    assert.equal(dockerConfigDir({ DOCKER_CONFIG: '/cfg' }, '/home/dev'), '/cfg');
    assert.equal(dockerConfigDir({}, '/home/dev'), join('/home/dev', '.docker'));
  });
  it('hashes context names like the docker CLI (sha256 hex)', () => {
    assert.equal(contextDirName('default'), '37a8eec1ce19687d132fe29051dca629d164e2c4958ba141d5f4133a33f0688f');
  });
  it('ignores a config.json that is not JSON', () => {
    const broken: Partial<ConnectionInputs> = { homeDir: '/h', readFile: () => '{', exists: () => false };
    assert.equal(resolveEngine(inputs(broken)).source, 'fallback');
  });
});
