/**
 * A private Podman API service for the Podman engine test: `podman system service` on a socket in a
 * temp directory, with its own storage (vfs) and run roots so nothing touches the machine's Podman
 * state, cgroupfs and file events because tests run without systemd. Stopped by its pid only.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pingSocket } from './privateDaemon';

export interface PodmanService {
  readonly socketPath: string;
  stop(): Promise<void>;
}

/**
 * Rootful Podman writes open-files and process limits into every container's spec (by default the
 * maximum), and a sandboxed machine refuses to set them even to the current hard limit; lowering a
 * limit is always allowed, so test containers ask for modest ones.
 */
export const modestUlimits = [
  { Name: 'nofile', Soft: 1024, Hard: 1024 },
  { Name: 'nproc', Soft: 1024, Hard: 1024 },
];

/** `runtimeDir`: serve on `<runtimeDir>/podman/podman.sock`, where rootless Podman puts its socket. */
export async function startPodmanService(options: { runtimeDir?: string } = {}): Promise<PodmanService> {
  const root = mkdtempSync(join(tmpdir(), 'dh-pm-'));
  const socketPath = options.runtimeDir ? join(options.runtimeDir, 'podman', 'podman.sock') : join(root, 'podman.sock');
  mkdirSync(dirname(socketPath), { recursive: true });
  const args = [
    '--root', join(root, 'storage'),
    '--runroot', join(root, 'run'),
    '--tmpdir', join(root, 'tmp'),
    '--storage-driver', 'vfs',
    '--cgroup-manager', 'cgroupfs',
    '--events-backend', 'file',
    'system', 'service', '--time=0', `unix://${socketPath}`,
  ];
  const child: ChildProcess = spawn('podman', args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deadline = Date.now() + 30_000;
  while (!(await pingSocket(socketPath))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGTERM');
      rmSync(root, { recursive: true, force: true });
      throw new Error(`podman system service did not answer on ${socketPath}: ${stderr}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    socketPath,
    stop: async () => {
      if (child.exitCode === null && child.pid) {
        process.kill(child.pid, 'SIGTERM');
        await exited;
      }
      rmSync(root, { recursive: true, force: true });
    },
  };
}
