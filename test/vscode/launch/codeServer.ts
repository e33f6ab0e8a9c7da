/**
 * Starts code-server (a real VS Code workbench served over HTTP) on 127.0.0.1 in its own process
 * group with private data folders, and stops exactly that group.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, openSync } from 'node:fs';
import { promisify } from 'node:util';
import { freePort } from '../../freePort';
import { join } from 'node:path';

export interface CodeServerPaths {
  /** Node 24 binary that code-server needs. */
  readonly node: string;
  /** code-server's `out/node/entry.js`. */
  readonly entry: string;
}

export interface CodeServerOptions {
  readonly paths: CodeServerPaths;
  /** Scratch folder for user data, extensions, XDG dirs and the server log. */
  readonly scratchDir: string;
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Fixed port (dev); a free one is picked otherwise. */
  readonly port?: number;
  /** Workspace Trust on (to test restricted mode); off by default, so the other suites run in a trusted workspace. */
  readonly workspaceTrust?: boolean;
}

export interface RunningCodeServer {
  readonly port: number;
  readonly baseUrl: string;
  readonly logFile: string;
  stop(): Promise<void>;
}

/** The private folders of one code-server under `scratchDir`, and the environment pointing at them. */
function scratchLayout(scratchDir: string): { userData: string; extensions: string; env: Record<string, string> } {
  const dirs = ['user-data', 'extensions', 'config', 'data', 'cache', 'tmp'].map((name) => join(scratchDir, name));
  dirs.forEach((dir) => mkdirSync(dir, { recursive: true }));
  const [userData, extensions, config, data, cache, tmp] = dirs as [string, string, string, string, string, string];
  return { userData, extensions, env: { XDG_CONFIG_HOME: config, XDG_DATA_HOME: data, XDG_CACHE_HOME: cache, TMPDIR: tmp } };
}

/**
 * Installs a `.vsix` the way a user does (`code-server --install-extension`) into the extensions
 * folder of `scratchDir`, where a later startCodeServer on the same folder finds it. Returns the
 * installer's output; throws with it when the install fails.
 */
export async function installExtension(paths: CodeServerPaths, scratchDir: string, vsix: string): Promise<string> {
  const { userData, extensions, env } = scratchLayout(scratchDir);
  const args = [paths.entry, '--user-data-dir', userData, '--extensions-dir', extensions, '--install-extension', vsix];
  try {
    const { stdout, stderr } = await promisify(execFile)(paths.node, args, { env: { ...process.env, ...env }, timeout: 120_000 });
    return `${stdout}${stderr}`;
  } catch (error) {
    const output = error as { stdout?: string; stderr?: string; message?: string };
    throw new Error(`code-server --install-extension ${vsix} failed: ${output.message ?? ''}\n${output.stdout ?? ''}${output.stderr ?? ''}`);
  }
}

/** Starts code-server and resolves once it answers `/healthz`. */
export async function startCodeServer(options: CodeServerOptions): Promise<RunningCodeServer> {
  const port = options.port ?? (await freePort());
  const { userData, extensions, env } = scratchLayout(options.scratchDir);
  const logFile = join(options.scratchDir, 'code-server.log');
  const out = openSync(logFile, 'a');
  const args = [
    options.paths.entry,
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-getting-started-override',
    '--user-data-dir', userData,
    '--extensions-dir', extensions,
    '--vscode-option', 'enable-smoke-test-driver',
    ...(options.workspaceTrust ? [] : ['--disable-workspace-trust']),
  ];
  const child: ChildProcess = spawn(options.paths.node, args, {
    detached: true, // its own process group: code-server spawns children that outlive its main pid
    stdio: ['ignore', out, out],
    env: { ...process.env, ...options.env, ...env },
  });
  const pgid = child.pid;
  if (pgid === undefined) {
    throw new Error('code-server did not start');
  }
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async (): Promise<void> => {
    try {
      process.kill(-pgid, 'SIGTERM');
    } catch {
      return; // already gone
    }
    const killer = setTimeout(() => {
      try {
        process.kill(-pgid, 'SIGKILL');
      } catch {
        /* gone */
      }
    }, 5000);
    await exited;
    clearTimeout(killer);
  };
  try {
    await waitForHealth(baseUrl, 60_000, exited);
  } catch (error) {
    await stop();
    throw new Error(`${error instanceof Error ? error.message : String(error)} (see ${logFile})`);
  }
  return { port, baseUrl, logFile, stop };
}

async function waitForHealth(baseUrl: string, timeoutMs: number, exited: Promise<void>): Promise<void> {
  let gone = false;
  void exited.then(() => (gone = true));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (gone) {
      throw new Error('code-server exited during start');
    }
    try {
      const response = await fetch(`${baseUrl}/healthz`);
      if (response.ok) {
        return;
      }
    } catch {
      /* not listening yet */
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`code-server did not answer within ${timeoutMs} ms`);
}

/** The workbench URL with `folder` open and only the installed extensions (no development path). */
export function plainWorkbenchUrl(server: RunningCodeServer, folder: string): string {
  return `${server.baseUrl}/?folder=${encodeURIComponent(folder)}`;
}

/** The workbench URL that loads an extension in development mode, and optionally its tests. */
/** The workbench on `folder`: a folder, or a multi-root workspace when it is a `.code-workspace` file. */
export function workbenchUrl(server: RunningCodeServer, folder: string, extensionPath: string, testsPath?: string): string {
  const remote = (path: string): string => `vscode-remote://127.0.0.1:${server.port}${path}`;
  const payload: [string, string][] = [['extensionDevelopmentPath', remote(extensionPath)]];
  if (testsPath) {
    payload.push(['extensionTestsPath', remote(testsPath)]);
  }
  const open = folder.endsWith('.code-workspace') ? 'workspace' : 'folder';
  return `${server.baseUrl}/?${open}=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}
