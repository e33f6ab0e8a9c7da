import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { describeEndpoint } from '../../../../../client/src/engine/resolution/connection';
import { contextDirName } from '../../../../../client/src/engine/resolution/contexts';
import { listEngineCandidates, parseConfiguredHosts, selectEngines, type EngineListInputs } from '../../../../../client/src/engine/resolution/engines';

const home = '/home/u';
const configDir = join(home, '.docker');

/** A fake file system holding Docker contexts (name → host) and some existing sockets. */
function inputs(overrides: Partial<EngineListInputs> & { contexts?: Record<string, string>; sockets?: string[]; current?: string }): EngineListInputs {
  const files = new Map<string, string>();
  for (const [name, host] of Object.entries(overrides.contexts ?? {})) {
    files.set(join(configDir, 'contexts', 'meta', contextDirName(name), 'meta.json'), JSON.stringify({ Name: name, Endpoints: { docker: { Host: host } } }));
  }
  if (overrides.current) {
    files.set(join(configDir, 'config.json'), JSON.stringify({ currentContext: overrides.current }));
  }
  const metaRoot = join(configDir, 'contexts', 'meta');
  return {
    hostSetting: '',
    env: {},
    uid: 1000,
    homeDir: home,
    configuredHosts: [],
    readFile: (path) => files.get(path),
    exists: (path) => files.has(path) || (overrides.sockets ?? []).includes(path),
    listDir: (path) => (path === metaRoot ? Object.keys(overrides.contexts ?? {}).map(contextDirName) : []),
    ...overrides,
  };
}

const summary = (list: ReturnType<typeof listEngineCandidates>): string[] =>
  list.map((c) => `${c.name}=${c.endpoint ? describeEndpoint(c.endpoint) : `invalid`}${c.isDefault ? ' *' : ''}${c.remote ? ' remote' : ''}${c.missing ? ' missing' : ''}`);

describe('listEngineCandidates', () => {
  it('lists setting, DOCKER_HOST, contexts, configured hosts and sockets in that order', () => {
    const list = listEngineCandidates(
      inputs({
        hostSetting: 'tcp://10.0.0.1:2375',
        env: { DOCKER_HOST: 'unix:///custom.sock', XDG_RUNTIME_DIR: '/run/user/1000' },
        contexts: { zeta: 'ssh://ops@z.example.test', alpha: 'tcp://a.example.test:2376' },
        configuredHosts: [{ name: 'build', host: 'ssh://ci@build.example.test:2222' }],
        sockets: ['/var/run/docker.sock'],
      }),
    );
    assert.deepEqual(summary(list), [
      'setting=tcp://10.0.0.1:2375 * remote',
      'DOCKER_HOST=unix:///custom.sock',
      'context:alpha=tcp://a.example.test:2376 remote',
      'context:zeta=ssh://ops@z.example.test:22 remote',
      'build=ssh://ci@build.example.test:2222 remote',
      'docker=unix:///var/run/docker.sock',
      'docker-rootless=unix:///run/user/1000/docker.sock missing',
      'podman=unix:///run/podman/podman.sock missing',
      'podman-rootless=unix:///run/user/1000/podman/podman.sock missing',
    ]);
  });

  it('marks the current context as the default engine', () => {
    const list = listEngineCandidates(inputs({ contexts: { remote: 'ssh://r.example.test' }, current: 'remote' }));
    assert.deepEqual(list.filter((c) => c.isDefault).map((c) => c.name), ['context:remote']);
  });

  it('marks the first existing socket as the default when nothing is configured', () => {
    const list = listEngineCandidates(inputs({ env: { XDG_RUNTIME_DIR: '/r' }, sockets: ['/r/podman/podman.sock'] }));
    assert.deepEqual(list.filter((c) => c.isDefault).map((c) => c.name), ['podman-rootless']);
  });

  it('keeps a malformed entry with the reason instead of dropping it', () => {
    const list = listEngineCandidates(inputs({ configuredHosts: [{ name: 'bad', host: 'ftp://nope' }] }));
    const bad = list.find((c) => c.name === 'bad');
    assert.ok(bad?.invalid);
    assert.match(bad.invalid, /unsupported scheme/);
  });

  it('keeps the first of two entries with the same name', () => {
    const list = listEngineCandidates(inputs({ configuredHosts: [{ name: 'docker', host: 'tcp://x:1' }] }));
    assert.equal(list.filter((c) => c.name === 'docker').length, 1);
    assert.equal(list.find((c) => c.name === 'docker')?.source, 'configuredHost');
  });
});

describe('parseConfiguredHosts', () => {
  const cases: [unknown, number][] = [
    [undefined, 0],
    ['tcp://x', 0],
    [[{ name: 'a', host: 'tcp://x:1' }, { name: '', host: 'tcp://y' }, { name: 'b' }, 7, { name: ' c ', host: ' ssh://h ' }], 2],
  ];
  for (const [value, count] of cases) {
    it(`keeps ${count} entries of ${JSON.stringify(value)}`, () => assert.equal(parseConfiguredHosts(value).length, count));
  }
  it('trims names and hosts', () => assert.deepEqual(parseConfiguredHosts([{ name: ' c ', host: ' ssh://h ' }]), [{ name: 'c', host: 'ssh://h' }]));
  it('keeps a TLS certificate folder', () => assert.deepEqual(parseConfiguredHosts([{ name: 'c', host: 'tcp://h:2376', certPath: '/certs/h' }]), [{ name: 'c', host: 'tcp://h:2376', certPath: '/certs/h' }]));
});

describe('TLS of configured hosts', () => {
  const cases: [string, Record<string, string>, { certPath?: string }, unknown][] = [
    ['plain tcp stays plain', {}, {}, { kind: 'tcp', host: 'h', port: 2375, tls: false }],
    ['DOCKER_TLS_VERIFY turns TLS on with DOCKER_CERT_PATH', { DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: '/env' }, {}, { kind: 'tcp', host: 'h', port: 2376, tls: true, certPath: '/env' }],
    ['a host certPath turns TLS on and wins over DOCKER_CERT_PATH', { DOCKER_CERT_PATH: '/env' }, { certPath: '/own' }, { kind: 'tcp', host: 'h', port: 2376, tls: true, certPath: '/own' }],
  ];
  for (const [title, env, extra, expected] of cases) {
    it(title, () => {
      const list = listEngineCandidates(inputs({ env, configuredHosts: [{ name: 'h', host: 'tcp://h', ...extra }] }));
      assert.deepEqual(list.find((c) => c.name === 'h')?.endpoint, expected);
    });
  }
});

describe('selectEngines', () => {
  const list = listEngineCandidates(inputs({ configuredHosts: [{ name: 'a', host: 'tcp://a:1' }, { name: 'b', host: 'tcp://b:1' }], sockets: ['/var/run/docker.sock'] }));
  const cases: [string[], string[], string[]][] = [
    [[], ['docker'], []],
    [['b', 'a'], ['b', 'a'], []],
    [['a', 'a'], ['a'], []],
    [['ghost'], ['docker'], ['ghost']],
    [['ghost', 'b'], ['b'], ['ghost']],
  ];
  for (const [selected, expected, unknown] of cases) {
    it(`selects ${JSON.stringify(selected)} → ${JSON.stringify(expected)}`, () => {
      const result = selectEngines(list, selected);
      assert.deepEqual(result.engines.map((c) => c.name), expected);
      assert.deepEqual(result.unknown, unknown);
    });
  }
});
