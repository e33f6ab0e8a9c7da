/**
 * Pure: decides which Docker engine to talk to and says why. No I/O besides the `exists` probe
 * the caller passes in, so every rule is unit-tested in plain Node.
 */
import { currentContextName, dockerConfigDir, readContextEndpoint, type ContextStoreAccess } from './contexts';

export type EngineEndpoint =
  | { readonly kind: 'unix'; readonly socketPath: string }
  | {
      readonly kind: 'tcp';
      readonly host: string;
      readonly port: number;
      readonly tls: boolean;
      readonly certPath?: string;
      /** TLS without checking the server certificate (a context's SkipTLSVerify). */
      readonly skipVerify?: boolean;
    }
  | { readonly kind: 'ssh'; readonly host: string; readonly port: number; readonly username?: string };

/** Which rule chose the engine, so the UI can explain it in the user's language. */
export type EngineSource = 'setting' | 'dockerHost' | 'dockerContext' | 'currentContext' | 'socket' | 'fallback';

export interface ResolvedEngine {
  readonly endpoint: EngineEndpoint;
  readonly source: EngineSource;
  /** The Docker context used, for the sources `dockerContext` and `currentContext`. */
  readonly contextName?: string;
  /** Human-readable reason (English), written to the log. */
  readonly reason: string;
}

export interface ConnectionInputs {
  /** The machine-scoped `berthwise.engine.host` setting ('' when unset). */
  readonly hostSetting: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Whether a socket file exists (injected so the rules stay pure). */
  readonly exists: (path: string) => boolean;
  readonly uid: number;
  /** Reads a file's text or returns undefined (injected; used for the Docker context store). */
  readonly readFile?: (path: string) => string | undefined;
  /** The user's home directory, where `.docker/` lives unless DOCKER_CONFIG says otherwise. */
  readonly homeDir?: string;
}

export class InvalidHostError extends Error {}

/** Parses a Docker host URL (`unix://`, `tcp://`, `ssh://`); throws InvalidHostError with a readable message. */
export function parseHost(value: string, tlsVerify = false, certPath?: string): EngineEndpoint {
  const trimmed = value.trim();
  if (trimmed.startsWith('unix://')) {
    const socketPath = trimmed.slice('unix://'.length);
    if (!socketPath.startsWith('/')) {
      throw new InvalidHostError(`"${value}" needs an absolute socket path, e.g. unix:///var/run/docker.sock`);
    }
    return { kind: 'unix', socketPath };
  }
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    throw new InvalidHostError(`"${value}" is not a Docker host URL (expected unix://, tcp:// or ssh://)`);
  }
  if ((url.protocol === 'tcp:' || url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'ssh:') && url.hostname === '') {
    // `tcp://` alone parses as a URL with an empty host, which would dial the local machine by accident.
    throw new InvalidHostError(`"${value}" names no host, e.g. tcp://127.0.0.1:2375 or ssh://user@host`);
  }
  if (url.protocol === 'tcp:' || url.protocol === 'http:' || url.protocol === 'https:') {
    const tls = tlsVerify || url.protocol === 'https:';
    const port = url.port ? Number(url.port) : tls ? 2376 : 2375;
    return { kind: 'tcp', host: url.hostname, port, tls, ...(certPath ? { certPath } : {}) };
  }
  if (url.protocol === 'ssh:') {
    return {
      kind: 'ssh',
      host: url.hostname,
      port: url.port ? Number(url.port) : 22,
      ...(url.username ? { username: decodeURIComponent(url.username) } : {}),
    };
  }
  throw new InvalidHostError(`"${value}" uses an unsupported scheme ${url.protocol} (expected unix://, tcp:// or ssh://)`);
}

/**
 * Chooses the engine, first match wins: the setting, DOCKER_HOST, DOCKER_CONTEXT, the current
 * context in the Docker config directory, then the default, rootless and Podman sockets.
 * Throws InvalidHostError when the chosen source is malformed (never silently skips it).
 */
export function resolveEngine(inputs: ConnectionInputs): ResolvedEngine {
  const tlsVerify = isTruthy(inputs.env['DOCKER_TLS_VERIFY']);
  const certPath = inputs.env['DOCKER_CERT_PATH'];
  if (inputs.hostSetting.trim() !== '') {
    return { endpoint: parseHost(inputs.hostSetting, tlsVerify, certPath), source: 'setting', reason: 'from the berthwise.engine.host setting' };
  }
  const dockerHost = inputs.env['DOCKER_HOST'];
  if (dockerHost && dockerHost.trim() !== '') {
    return { endpoint: parseHost(dockerHost, tlsVerify, certPath), source: 'dockerHost', reason: 'from the DOCKER_HOST environment variable' };
  }
  const fromContext = resolveFromContext(inputs);
  if (fromContext) {
    return fromContext;
  }
  for (const candidate of socketCandidates(inputs)) {
    if (inputs.exists(candidate.path)) {
      return { endpoint: { kind: 'unix', socketPath: candidate.path }, source: 'socket', reason: candidate.reason };
    }
  }
  return { endpoint: { kind: 'unix', socketPath: '/var/run/docker.sock' }, source: 'fallback', reason: 'the default socket (no other socket was found)' };
}

function resolveFromContext(inputs: ConnectionInputs): ResolvedEngine | undefined {
  const access: ContextStoreAccess = { readFile: inputs.readFile ?? (() => undefined), exists: inputs.exists };
  const configDir = dockerConfigDir(inputs.env, inputs.homeDir ?? '/');
  const envContext = inputs.env['DOCKER_CONTEXT']?.trim();
  const source: EngineSource = envContext ? 'dockerContext' : 'currentContext';
  const name = envContext || currentContextName(configDir, access);
  if (!name) {
    return undefined;
  }
  let context;
  try {
    context = readContextEndpoint(configDir, name, access);
  } catch (error) {
    throw new InvalidHostError(error instanceof Error ? error.message : String(error));
  }
  if (!context) {
    return undefined; // the `default` context: fall through to the sockets
  }
  const endpoint = parseHost(context.host, context.tlsDir !== undefined || context.skipTlsVerify, context.tlsDir);
  const withVerify = endpoint.kind === 'tcp' && context.skipTlsVerify ? { ...endpoint, skipVerify: true } : endpoint;
  const reason =
    source === 'dockerContext' ? `from the Docker context "${name}" named by DOCKER_CONTEXT` : `from the current Docker context "${name}" (docker context use)`;
  return { endpoint: withVerify, source, contextName: name, reason };
}

function socketCandidates(inputs: ConnectionInputs): { path: string; reason: string }[] {
  const runtimeDir = inputs.env['XDG_RUNTIME_DIR'] ?? `/run/user/${inputs.uid}`;
  return [
    { path: '/var/run/docker.sock', reason: 'the default Docker socket' },
    { path: `${runtimeDir}/docker.sock`, reason: 'the rootless Docker socket' },
    { path: `${runtimeDir}/podman/podman.sock`, reason: 'the rootless Podman socket' },
    { path: '/run/podman/podman.sock', reason: 'the Podman socket' },
  ];
}

function isTruthy(value: string | undefined): boolean {
  return value !== undefined && value !== '' && value !== '0' && value.toLowerCase() !== 'false';
}

/** A short label for the status item and log, e.g. `unix:///var/run/docker.sock`. */
export function describeEndpoint(endpoint: EngineEndpoint): string {
  switch (endpoint.kind) {
    case 'unix':
      return `unix://${endpoint.socketPath}`;
    case 'tcp':
      return `tcp://${endpoint.host}:${endpoint.port}${endpoint.tls ? ' (TLS)' : ''}`;
    case 'ssh':
      return `ssh://${endpoint.username ? `${endpoint.username}@` : ''}${endpoint.host}:${endpoint.port}`;
  }
}
