/**
 * The two ways to carry one HTTP connection to a remote engine over an open SSH connection:
 * `docker system dial-stdio` (works everywhere the docker CLI does, but starts a process, ~0.2 s),
 * or a direct-streamlocal channel to the engine's unix socket (one round trip, no process) once we
 * know which socket the remote CLI would use.
 */
import type { Duplex } from 'node:stream';
import type { Client, ClientChannel } from 'ssh2';
import { EngineError } from '../errors';

/** Opens a channel running `docker system dial-stdio` on the remote. */
export function dialStdio(client: Client, target: string): Promise<Duplex> {
  return new Promise<Duplex>((resolve, reject) => {
    client.exec('docker system dial-stdio', (error, channel) => {
      if (error) {
        reject(new EngineError('unreachable', `${target}: the remote could not run "docker system dial-stdio" (${error.message}). Is the docker CLI installed there?`, error));
        return;
      }
      resolve(asSocket(channel));
    });
  });
}

/**
 * Asks the remote docker CLI which engine it uses (DOCKER_HOST, DOCKER_CONTEXT and the current
 * context all count) and returns its socket path when it is a unix socket; undefined otherwise or on
 * any failure, in which case every connection keeps using dial-stdio.
 */
export function discoverRemoteSocket(client: Client): Promise<string | undefined> {
  return new Promise((resolve) => {
    client.exec("docker context inspect --format '{{.Endpoints.docker.Host}}'", (error, channel: ClientChannel) => {
      if (error) {
        resolve(undefined);
        return;
      }
      let output = '';
      channel.on('data', (data: Buffer) => (output += data.toString()));
      channel.stderr.resume();
      channel.once('close', (code: unknown) => {
        const host = output.trim();
        resolve(code === 0 && host.startsWith('unix:///') ? host.slice('unix://'.length) : undefined);
      });
    });
  });
}

/** Opens a direct-streamlocal channel to a unix socket on the remote (OpenSSH extension). */
export function forwardToSocket(client: Client, socketPath: string): Promise<Duplex> {
  return new Promise((resolve, reject) => {
    client.openssh_forwardOutStreamLocal(socketPath, (error, channel) => (error ? reject(error) : resolve(asSocket(channel))));
  });
}

/**
 * http.Agent treats its sockets as net.Sockets (keep-alive, ref/unref, timeouts); an SSH channel has
 * none of that, and the SSH connection itself carries the keep-alive, so these become no-ops.
 */
function asSocket(channel: Duplex): Duplex {
  const socketLike = channel as Duplex & Record<string, unknown>;
  const self = (): Duplex => channel;
  for (const method of ['setKeepAlive', 'setNoDelay', 'ref', 'unref']) {
    if (typeof socketLike[method] !== 'function') {
      socketLike[method] = self;
    }
  }
  if (typeof socketLike['setTimeout'] !== 'function') {
    socketLike['setTimeout'] = (ms: number): Duplex => {
      socketLike['timeout'] = ms;
      return channel;
    };
  }
  return channel;
}
