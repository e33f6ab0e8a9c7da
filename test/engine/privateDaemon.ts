/**
 * A second, private dockerd for the tests that must stop and start an engine: the shared engine
 * is used by everyone at once and must never be stopped. Same flags as scripts/engine.sh (its own
 * address pool), its own socket, data root, exec root and pidfile under a temp dir; stopped by its
 * pid only.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, openSync, closeSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface PrivateDaemon {
  readonly socketPath: string;
  /** Starts dockerd (again, on the same directories) and waits until it answers. */
  start(): Promise<void>;
  /** Stops it by pid and waits until it has exited. */
  stop(): Promise<void>;
  /** Removes the networks made on it, stops it and removes its directories. */
  dispose(): Promise<void>;
}

/** One request on a unix socket; resolves with the status and body, rejects on a connection error. */
function requestOnSocket(socketPath: string, method: string, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ socketPath, method, path, timeout: 10_000 }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.on('timeout', () => req.destroy(new Error(`${method} ${path} timed out`)));
    req.end();
  });
}

/**
 * Removes every network a test made on the daemon. dockerd leaves a stopped network's bridge
 * interface in the host's network namespace, and once the data root is gone no engine will remove it:
 * each leaked bridge holds an address pool of the host (the TLS suite leaked one per run).
 */
async function removeNetworks(socketPath: string): Promise<void> {
  const listed = await requestOnSocket(socketPath, 'GET', '/networks');
  const networks = JSON.parse(listed.body) as { Id: string; Name: string }[];
  for (const network of networks.filter(({ Name }) => !['bridge', 'host', 'none'].includes(Name))) {
    const removed = await requestOnSocket(socketPath, 'DELETE', `/networks/${network.Id}`);
    if (removed.status >= 300) {
      throw new Error(`the private dockerd kept network ${network.Name}: ${removed.status} ${removed.body}`);
    }
  }
}

/** GET /_ping on a unix socket: true when the engine answers OK. */
export function pingSocket(socketPath: string): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request({ socketPath, path: '/_ping', timeout: 1000 }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('error', () => resolve(false));
    req.on('timeout', () => {
      req.destroy();
      resolve(false);
    });
    req.end();
  });
}

async function waitUntil(what: string, probe: () => Promise<boolean> | boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** `extraArgs` go to dockerd after the usual flags (e.g. a TLS `-H tcp://…` listener). */
export function createPrivateDaemon(extraArgs: readonly string[] = []): PrivateDaemon {
  // Short paths: containerd's sockets live under the exec root and unix socket paths are limited to 107 bytes.
  const root = mkdtempSync(join(tmpdir(), 'dh-d-'));
  const socketPath = join(root, 'docker.sock');
  const logPath = join(root, 'dockerd.log');
  let child: ChildProcess | undefined;
  let exited: Promise<void> = Promise.resolve();

  const stop = async (): Promise<void> => {
    const running = child;
    if (!running?.pid || running.exitCode !== null) {
      return;
    }
    running.kill('SIGTERM');
    const forced = setTimeout(() => running.kill('SIGKILL'), 20_000);
    await exited;
    clearTimeout(forced);
    child = undefined;
  };

  return {
    socketPath,
    start: async () => {
      const log = openSync(logPath, 'a');
      const started = spawn(
        'dockerd',
        [
          '-H',
          `unix://${socketPath}`,
          '--pidfile',
          join(root, 'dockerd.pid'),
          '--data-root',
          join(root, 'data'),
          '--exec-root',
          join(root, 'exec'),
          '--bridge=none',
          '--iptables=false',
          '--ip6tables=false',
          '--ip-masq=false',
          '--ip-forward=false',
          '--default-address-pool',
          'base=10.214.0.0/16,size=24',
          '--storage-driver=overlay2',
          ...extraArgs,
        ],
        { stdio: ['ignore', log, log] },
      );
      closeSync(log);
      child = started;
      exited = new Promise((resolve) => started.once('exit', () => resolve()));
      try {
        await waitUntil('the private dockerd to answer', async () => {
          if (started.exitCode !== null) {
            throw new Error(`the private dockerd exited during start:\n${readFileSync(logPath, 'utf8').split('\n').slice(-15).join('\n')}`);
          }
          return pingSocket(socketPath);
        }, 60_000);
      } catch (error) {
        await stop();
        throw error;
      }
    },
    stop,
    dispose: async () => {
      try {
        if (child?.exitCode === null && (await pingSocket(socketPath))) {
          await removeNetworks(socketPath);
        }
      } finally {
        await stop();
        rmSync(root, { recursive: true, force: true });
      }
    },
  };
}
