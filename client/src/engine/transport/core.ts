import type Docker from 'dockerode';
import { existsSync, readFileSync } from 'node:fs';
import type { Agent as HttpAgent } from 'node:http';
import { Agent } from 'node:https';
import { homedir, userInfo } from 'node:os';
import { join } from 'node:path';
import { describeEndpoint, type EngineEndpoint } from '../resolution/connection';
import { engineDriver } from './driverLoader';
import { classifyEngineError, EngineError } from '../errors';
import { createSshTransport, type SshTransport } from './ssh';

/** Per-call options: every engine call can be cancelled and has a deadline. */
export interface CallOptions {
  readonly signal?: AbortSignal;
  readonly timeoutMs?: number;
  /**
   * Time the engine spends waiting on purpose before it answers (a stop's grace period), added to
   * the deadline; Infinity: no deadline at all (the caller's signal still cancels).
   */
  readonly waitMs?: number;
}

/**
 * What every engine module (listing, events, exec, logs, prune, …) builds on: the dockerode client,
 * a label for messages, and `call`, which applies the deadline, cancellation and error classification.
 */
export interface EngineCore {
  readonly docker: Docker;
  readonly target: string;
  readonly call: <T>(options: CallOptions | undefined, work: (signal: AbortSignal) => Promise<T>) => Promise<T>;
  /** Closes what the connection holds open (the SSH connection); a no-op for sockets. */
  readonly dispose: () => void;
  /** SSH handshakes made so far (0 for other transports), so tests and the bench can check reuse. */
  readonly handshakes: () => number;
}

/** Transport settings that do not belong in the endpoint URL. */
export interface TransportOptions {
  /** known_hosts for ssh:// engines; default ~/.ssh/known_hosts. */
  readonly knownHostsPath?: string;
}

/** Connects dockerode to an endpoint. Nothing is sent until the first call. */
export function createEngineCore(endpoint: EngineEndpoint, defaultTimeoutMs: number, transport: TransportOptions = {}): EngineCore {
  const ssh = endpoint.kind === 'ssh' ? createSshTransport(endpoint, sshOptions(transport, defaultTimeoutMs)) : undefined;
  const docker = new (engineDriver().Docker)(toDockerodeOptions(endpoint, ssh));
  const target = describeEndpoint(endpoint);
  return {
    docker,
    target,
    call: (options, work) => withDeadline(target, (options?.timeoutMs ?? defaultTimeoutMs) + (options?.waitMs ?? 0), options?.signal, work),
    dispose: () => ssh?.dispose(),
    handshakes: () => ssh?.handshakes() ?? 0,
  };
}

function sshOptions(transport: TransportOptions, timeoutMs: number): Parameters<typeof createSshTransport>[1] {
  const agentSocket = process.env['SSH_AUTH_SOCK'];
  return {
    homeDir: homedir(),
    defaultUser: userInfo().username,
    readyTimeoutMs: timeoutMs,
    ...(transport.knownHostsPath ? { knownHostsPath: transport.knownHostsPath } : {}),
    ...(agentSocket ? { agentSocket } : {}),
  };
}

function toDockerodeOptions(endpoint: EngineEndpoint, ssh: SshTransport | undefined): Docker.DockerOptions {
  switch (endpoint.kind) {
    case 'unix':
      return { socketPath: endpoint.socketPath };
    case 'tcp':
      if (!endpoint.tls) {
        return { protocol: 'http', host: endpoint.host, port: endpoint.port };
      }
      if (endpoint.skipVerify) {
        // The context asked for SkipTLSVerify: client certificates still apply, the server's is not checked.
        const files = readTlsFiles(endpoint.certPath, true);
        // docker-modem hands `agent` to https.request, but @types/dockerode does not declare it.
        const options: Docker.DockerOptions & { agent: Agent } = { protocol: 'https', host: endpoint.host, port: endpoint.port, agent: new Agent({ ...files, rejectUnauthorized: false }) };
        return options;
      }
      return { protocol: 'https', host: endpoint.host, port: endpoint.port, ...readTlsFiles(endpoint.certPath, false) };
    case 'ssh': {
      // Plain HTTP over our own agent, whose sockets are dial-stdio channels on one SSH connection.
      const options: Docker.DockerOptions & { agent?: Agent | HttpAgent } = { protocol: 'http', host: endpoint.host, port: endpoint.port, ...(ssh ? { agent: ssh.agent } : {}) };
      return options;
    }
  }
}

function readTlsFiles(certPath: string | undefined, optional: boolean): { ca?: Buffer; cert?: Buffer; key?: Buffer } {
  if (!certPath) {
    return {};
  }
  const read = (file: string): Buffer | undefined => {
    const path = join(certPath, file);
    return optional && !existsSync(path) ? undefined : readFileSync(path);
  };
  try {
    const [ca, cert, key] = [read('ca.pem'), read('cert.pem'), read('key.pem')];
    return { ...(ca ? { ca } : {}), ...(cert ? { cert } : {}), ...(key ? { key } : {}) };
  } catch (error) {
    throw new EngineError('other', `Cannot read the TLS files in ${certPath} (ca.pem, cert.pem, key.pem): ${String(error)}`, error);
  }
}

/**
 * Settles with the work, or rejects as soon as the signal aborts: some dockerode calls (e.g. image,
 * volume and network inspect) drop the abort signal, and the deadline must hold for them too.
 */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(new Error('aborted'));
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** Runs one engine call under a deadline and the caller's cancellation, classifying any failure. */
async function withDeadline<T>(target: string, timeoutMs: number, outer: AbortSignal | undefined, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = Number.isFinite(timeoutMs)
    ? setTimeout(() => {
        timedOut = true;
        controller.abort();
      }, timeoutMs)
    : undefined;
  const onOuterAbort = (): void => controller.abort();
  outer?.addEventListener('abort', onOuterAbort, { once: true });
  try {
    if (outer?.aborted) {
      throw new EngineError('cancelled', 'Cancelled.');
    }
    return await untilAborted(work(controller.signal), controller.signal);
  } catch (error) {
    if (timedOut) {
      throw new EngineError('timeout', `The Docker engine at ${target} did not answer within ${timeoutMs} ms.`, error);
    }
    if (outer?.aborted) {
      throw new EngineError('cancelled', 'Cancelled.', error);
    }
    throw classifyEngineError(error, target);
  } finally {
    clearTimeout(timer);
    outer?.removeEventListener('abort', onOuterAbort);
  }
}
