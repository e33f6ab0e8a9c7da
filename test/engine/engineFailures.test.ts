import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { InvalidHostError, resolveEngine } from '../../client/src/engine/resolution/connection';
import { createEngine } from '../../client/src/engine/engine';
import { EngineError } from '../../client/src/engine/errors';

const nobody = 65534;

function listen(server: Server, target: string | number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(target, () => resolve());
  });
}

/** Runs pingAsChild.js as another user and returns what it printed. */
function pingAs(uid: number, socketPath: string): Promise<{ ok: boolean; kind?: string; message?: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(__dirname, 'pingAsChild.js'), socketPath], { uid, gid: uid, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.once('error', reject);
    child.once('exit', () => {
      try {
        resolve(JSON.parse(out) as { ok: boolean; kind?: string; message?: string });
      } catch {
        reject(new Error(`the child printed no result: ${out}${err}`));
      }
    });
  });
}

describe('engine failures are classified with actionable messages', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dh-perm-'));
  const socketPath = join(dir, 'engine.sock');
  const silentSocket = join(dir, 'silent.sock');
  // A listening socket only its owner may open: what a user outside the `docker` group meets.
  const guarded = createServer((connection) => connection.end());
  // Accepts connections and never answers: a hung engine.
  const silent = createServer(() => undefined);

  before(async () => {
    chmodSync(dir, 0o755);
    await listen(guarded, socketPath);
    chmodSync(socketPath, 0o600);
    await listen(silent, silentSocket);
  });
  after(() => {
    guarded.close();
    silent.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reports a socket the user may not open as permission denied, with the Linux fix', async () => {
    assert.equal(process.getuid?.(), 0, 'this test switches to the user nobody, which needs root');
    const result = await pingAs(nobody, socketPath);
    assert.equal(result.ok, false);
    assert.equal(result.kind, 'permissionDenied');
    assert.match(result.message ?? '', /usermod -aG docker/);
  });

  it('reports a refused TCP port as unreachable and names the target', async () => {
    const probe = createServer();
    await listen(probe, 0);
    const address = probe.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    await new Promise((resolve) => probe.close(resolve));
    const engine = createEngine({ kind: 'tcp', host: '127.0.0.1', port, tls: false }, 5_000);
    await assert.rejects(engine.ping(), (error: unknown) => {
      assert.ok(error instanceof EngineError);
      assert.equal(error.kind, 'unreachable');
      assert.match(error.message, new RegExp(`tcp://127\\.0\\.0\\.1:${port}`));
      return true;
    });
  });

  it('reports an engine that never answers as a timeout', async () => {
    const engine = createEngine({ kind: 'unix', socketPath: silentSocket }, 300);
    await assert.rejects(engine.listContainers(), (error: unknown) => error instanceof EngineError && error.kind === 'timeout' && /300 ms/.test(error.message));
  });

  const malformed = ['tcp//127.0.0.1:2375', 'unix://relative/docker.sock', 'ftp://example.test', 'docker.sock', 'http://[::1'];
  for (const value of malformed) {
    it(`rejects DOCKER_HOST=${value} with a message naming it`, () => {
      assert.throws(
        () => resolveEngine({ hostSetting: '', env: { DOCKER_HOST: value }, exists: () => true, uid: 0 }),
        (error: unknown) => error instanceof InvalidHostError && error.message.includes(value),
      );
    });
  }
});
