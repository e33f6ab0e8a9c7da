/**
 * A private OpenSSH server on 127.0.0.1 for the SSH engine tests: generated host and user keys, its
 * own config and pid file, and an authorized_keys entry whose `environment=` option points the
 * remote `docker system dial-stdio` at the test engine. Stopped by its pid only.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import { connect } from 'node:net';
import { freePort } from '../freePort';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface SshFixture {
  readonly port: number;
  /** A directory to use as HOME: `.ssh/id_ed25519` is the authorized user key. */
  readonly home: string;
  /** The server's public host key line (`ssh-ed25519 AAAA…`). */
  readonly hostKeyLine: string;
  /** Writes `home/.ssh/known_hosts` (or another file) trusting the given key line for this server. */
  writeKnownHosts(keyLine: string, path?: string): string;
  /** A fresh public key line no server uses, for the mismatch case. */
  strangerKeyLine(): string;
  stop(): Promise<void>;
}

function keygen(path: string): string {
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'berthwise-test', '-f', path], { stdio: 'ignore' });
  return readFileSync(`${path}.pub`, 'utf8').trim().split(/\s+/).slice(0, 2).join(' ');
}

/** True once the server sends its SSH banner. */
function bannerSeen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    const done = (ok: boolean): void => {
      socket.destroy();
      resolve(ok);
    };
    socket.once('data', (data) => done(data.toString().startsWith('SSH-')));
    socket.once('error', () => done(false));
    socket.setTimeout(1000, () => done(false));
  });
}

export interface SshFixtureOptions {
  /** `AllowStreamLocalForwarding` (default yes): off forces the dial-stdio path. */
  readonly allowSocketForwarding?: boolean;
}

/** Starts sshd with a generated config; `remoteDockerHost` becomes DOCKER_HOST for the remote commands. */
export async function startSshFixture(remoteDockerHost: string, options: SshFixtureOptions = {}): Promise<SshFixture> {
  const root = mkdtempSync(join(tmpdir(), 'dh-ssh-'));
  chmodSync(root, 0o755);
  const home = join(root, 'home');
  mkdirSync(join(home, '.ssh'), { recursive: true, mode: 0o700 });
  const hostKeyLine = keygen(join(root, 'host_ed25519'));
  const userKeyLine = keygen(join(home, '.ssh', 'id_ed25519'));
  const authorizedKeys = join(root, 'authorized_keys');
  writeFileSync(authorizedKeys, `environment="DOCKER_HOST=${remoteDockerHost}" ${userKeyLine}\n`, { mode: 0o600 });
  const port = await freePort();
  const pidFile = join(root, 'sshd.pid');
  const config = join(root, 'sshd_config');
  writeFileSync(
    config,
    [
      `Port ${port}`,
      'ListenAddress 127.0.0.1',
      `HostKey ${join(root, 'host_ed25519')}`,
      `PidFile ${pidFile}`,
      `AuthorizedKeysFile ${authorizedKeys}`,
      'PermitUserEnvironment yes',
      `AllowStreamLocalForwarding ${options.allowSocketForwarding === false ? 'no' : 'yes'}`,
      'PermitRootLogin prohibit-password',
      'PubkeyAuthentication yes',
      'PasswordAuthentication no',
      'KbdInteractiveAuthentication no',
      'UsePAM no',
      // The fixture's files live under /tmp, which StrictModes would reject as world-writable.
      'StrictModes no',
      'LogLevel ERROR',
      '',
    ].join('\n'),
  );
  // sshd refuses to start without its privilege-separation directory.
  mkdirSync('/run/sshd', { recursive: true, mode: 0o755 });
  const child: ChildProcess = spawn('/usr/sbin/sshd', ['-D', '-e', '-f', config], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deadline = Date.now() + 15_000;
  while (!(await bannerSeen(port))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGTERM');
      throw new Error(`sshd did not start on port ${port}: ${stderr}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    port,
    home,
    hostKeyLine,
    writeKnownHosts: (keyLine, path = join(home, '.ssh', 'known_hosts')) => {
      writeFileSync(path, `[127.0.0.1]:${port} ${keyLine}\n`);
      return path;
    },
    strangerKeyLine: () => keygen(join(root, `stranger_${Date.now()}`)),
    stop: async () => {
      if (child.exitCode === null && child.pid) {
        process.kill(child.pid, 'SIGTERM');
        await exited;
      }
      rmSync(root, { recursive: true, force: true });
    },
  };
}
