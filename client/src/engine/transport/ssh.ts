/**
 * The SSH transport for `ssh://` engines: ONE ssh2 connection per engine, and one channel per
 * HTTP connection on it, kept alive and reused, so a listing costs neither a handshake
 * (docker-modem's built-in SSH support connects afresh for every request) nor, once the remote
 * engine's socket is known, a remote process start (see sshChannels.ts). The host key
 * must be in known_hosts; authentication uses SSH_AUTH_SOCK, else the default identity files, and
 * never prompts.
 */
import { Agent, type AgentOptions, type ClientRequest } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Duplex } from 'node:stream';
import type { AgentAuthMethod, Client, ConnectConfig, PublicKeyAuthMethod } from 'ssh2';
import { describeEndpoint, type EngineEndpoint } from '../resolution/connection';
import { engineDriver } from './driverLoader';
import { EngineError } from '../errors';
import { dialStdio, discoverRemoteSocket, forwardToSocket } from './sshChannels';
import { fingerprint, knownHostsName, verifyHostKey, type HostKeyVerdict } from './sshKnownHosts';

type SshEndpoint = Extract<EngineEndpoint, { kind: 'ssh' }>;

export interface SshTransportOptions {
  readonly homeDir: string;
  /** The user to log in as when the URL names none. */
  readonly defaultUser: string;
  /** known_hosts to trust; default `~/.ssh/known_hosts`. */
  readonly knownHostsPath?: string;
  /** The SSH agent socket (SSH_AUTH_SOCK), tried before the identity files. */
  readonly agentSocket?: string;
  /** How long the handshake may take. */
  readonly readyTimeoutMs?: number;
  /** Close the connection after this long without a request in flight. */
  readonly idleCloseMs?: number;
}

/** An http.Agent for dockerode plus the connection's lifetime and a handshake counter (for the bench). */
export interface SshTransport {
  readonly agent: Agent;
  /** How many SSH handshakes this transport has made. */
  handshakes(): number;
  dispose(): void;
}

/** The identity files tried, in order, when no agent offers a key. */
export const defaultIdentityFiles = ['id_ed25519', 'id_ecdsa', 'id_rsa'];

/** Creates the transport; nothing connects until the first request. */
export function createSshTransport(endpoint: SshEndpoint, options: SshTransportOptions): SshTransport {
  const target = describeEndpoint(endpoint);
  let ready: Promise<Client> | undefined;
  /** The remote engine's unix socket, per connection; undefined → dial-stdio only. */
  let remoteSocket: Promise<string | undefined> | undefined;
  let handshakeCount = 0;
  let inFlight = 0;
  let idleTimer: ReturnType<typeof setTimeout> | undefined;
  let disposed = false;

  const connect = (): Promise<Client> => {
    handshakeCount += 1;
    const client: Client = new (engineDriver().SshClient)();
    let hostKeyProblem: EngineError | undefined;
    const attempt = new Promise<Client>((resolve, reject) => {
      client.once('ready', () => {
        // Requests are small writes waiting for answers: Nagle's algorithm would hold them ~40 ms.
        client.setNoDelay(true);
        resolve(client);
      });
      // `on`, not `once`: ssh2 may emit more errors later (e.g. a reset), and an unheard one would crash the host.
      client.on('error', (error: Error & { level?: string }) => reject(hostKeyProblem ?? describeSshError(error, target)));
      client.once('close', () => {
        if (ready === attempt) {
          ready = undefined; // the next request reconnects
        }
        reject(new EngineError('unreachable', `The SSH connection to ${target} closed.`));
      });
    });
    const config: ConnectConfig = {
      host: endpoint.host,
      port: endpoint.port,
      username: endpoint.username ?? options.defaultUser,
      readyTimeout: options.readyTimeoutMs ?? 10_000,
      keepaliveInterval: 15_000,
      authHandler: authMethods(endpoint.username ?? options.defaultUser, options),
      hostVerifier: (key: Buffer) => {
        hostKeyProblem = checkHostKey(endpoint, key, options);
        return hostKeyProblem === undefined;
      },
    };
    client.connect(config);
    attempt.catch(() => {
      if (ready === attempt) {
        ready = undefined;
      }
      client.end();
    });
    return attempt;
  };

  const closeWhenIdle = (): void => {
    clearTimeout(idleTimer);
    if (inFlight === 0) {
      idleTimer = setTimeout(() => {
        agent.destroy(); // the kept-alive channels
        const current = ready;
        ready = undefined;
        void current?.then((client) => client.end(), () => undefined);
      }, options.idleCloseMs ?? 60_000);
      idleTimer.unref();
    }
  };

  const openChannel = async (): Promise<Duplex> => {
    if (disposed) {
      throw new EngineError('cancelled', `The SSH transport to ${target} was closed.`);
    }
    if (!ready) {
      ready = connect();
      const connecting = ready;
      remoteSocket = connecting.then(discoverRemoteSocket, () => undefined);
    }
    const client = await ready;
    const discovery = remoteSocket;
    // The first connections do not wait for the discovery: dial-stdio costs about as much.
    const socketPath = discovery ? await Promise.race([discovery, Promise.resolve(undefined)]) : undefined;
    if (socketPath) {
      try {
        return await forwardToSocket(client, socketPath);
      } catch {
        // The server forbids streamlocal forwarding (AllowStreamLocalForwarding no): dial-stdio from now on.
        if (remoteSocket === discovery) {
          remoteSocket = Promise.resolve(undefined);
        }
      }
    }
    return dialStdio(client, target);
  };

  const agent = new Agent({ keepAlive: true, maxFreeSockets: 4 } satisfies AgentOptions);
  // http.Agent asks createConnection for each new socket; the channel stands in for one.
  (agent as unknown as { createConnection: (o: unknown, done: (error: Error | null, socket?: Duplex) => void) => void }).createConnection = (_o, done) => {
    openChannel().then(
      (channel) => done(null, channel),
      (error: unknown) => done(error instanceof Error ? error : new Error(String(error))),
    );
  };
  // Count requests in flight so the connection closes only when nothing uses it.
  const addRequest = (agent as unknown as { addRequest: (request: ClientRequest, ...rest: unknown[]) => void }).addRequest.bind(agent);
  (agent as unknown as { addRequest: (request: ClientRequest, ...rest: unknown[]) => void }).addRequest = (request, ...rest) => {
    inFlight += 1;
    clearTimeout(idleTimer);
    request.once('close', () => {
      inFlight -= 1;
      closeWhenIdle();
    });
    addRequest(request, ...rest);
  };

  return {
    agent,
    handshakes: () => handshakeCount,
    dispose: () => {
      disposed = true;
      clearTimeout(idleTimer);
      const current = ready;
      ready = undefined;
      void current?.then((client) => client.end(), () => undefined);
      agent.destroy();
    },
  };
}

function authMethods(username: string, options: SshTransportOptions): (AgentAuthMethod | PublicKeyAuthMethod)[] {
  const methods: (AgentAuthMethod | PublicKeyAuthMethod)[] = [];
  if (options.agentSocket) {
    methods.push({ type: 'agent', username, agent: options.agentSocket });
  }
  for (const file of defaultIdentityFiles) {
    try {
      // Encrypted keys are skipped by ssh2 (no passphrase given): Berthwise never prompts.
      methods.push({ type: 'publickey', username, key: readFileSync(join(options.homeDir, '.ssh', file)) });
    } catch {
      // not there: try the next one
    }
  }
  return methods;
}

/** Undefined when the key is trusted; otherwise the error explaining why the connection is refused. */
function checkHostKey(endpoint: SshEndpoint, key: Buffer, options: SshTransportOptions): EngineError | undefined {
  const path = options.knownHostsPath && options.knownHostsPath.trim() !== '' ? options.knownHostsPath : join(options.homeDir, '.ssh', 'known_hosts');
  let text = '';
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    // no known_hosts: every key is unknown
  }
  const verdict: HostKeyVerdict = verifyHostKey(text, endpoint.host, endpoint.port, key);
  const name = knownHostsName(endpoint.host, endpoint.port);
  switch (verdict) {
    case 'trusted':
      return undefined;
    case 'unknown':
      return new EngineError(
        'unreachable',
        `The SSH host key of ${name} (${fingerprint(key)}) is not in ${path}, so Berthwise refuses to connect. Connect once with ssh to check and accept it, or add it with ssh-keyscan after verifying the fingerprint.`,
      );
    case 'mismatch':
      return new EngineError('unreachable', `The SSH host key of ${name} (${fingerprint(key)}) does not match the one in ${path}. Someone may be intercepting the connection, or the host was reinstalled; Berthwise refuses to connect.`);
    case 'revoked':
      return new EngineError('unreachable', `The SSH host key of ${name} (${fingerprint(key)}) is marked @revoked in ${path}; Berthwise refuses to connect.`);
  }
}

function describeSshError(error: Error & { level?: string; code?: unknown }, target: string): Error {
  if (error.level === 'client-authentication') {
    return new EngineError('permissionDenied', `SSH login to ${target} was refused: no key from SSH_AUTH_SOCK or ~/.ssh (id_ed25519, id_ecdsa, id_rsa) was accepted.`, error);
  }
  if (error.level === 'client-timeout') {
    return new EngineError('timeout', `The SSH handshake with ${target} did not finish in time.`, error);
  }
  return error; // socket errors (ECONNREFUSED, …) keep their code for classifyEngineError
}
