/**
 * Pure: every Docker engine Berthwise can see — the setting, DOCKER_HOST, each Docker context, the
 * hosts listed in `berthwise.engine.hosts`, and the well-known sockets — each with a unique name.
 * The engine doctor pings them; the multi-engine explorer lets the user pick among them.
 */
import { join } from 'node:path';
import { describeEndpoint, parseHost, resolveEngine, type ConnectionInputs, type EngineEndpoint } from './connection';
import { dockerConfigDir, readContextEndpoint, type ContextStoreAccess } from './contexts';

export type EngineCandidateSource = 'setting' | 'dockerHost' | 'context' | 'configuredHost' | 'socket';

/** One engine the user could talk to, or an entry that could not be read (with the reason). */
export interface EngineCandidate {
  /** Unique among the candidates; `berthwise.engine.selected` refers to engines by this name. */
  readonly name: string;
  readonly source: EngineCandidateSource;
  readonly endpoint?: EngineEndpoint;
  /** Why this entry has no endpoint (malformed host, broken context). */
  readonly invalid?: string;
  /** A well-known socket whose file does not exist: nothing to ping. */
  readonly missing?: boolean;
  /** Reached over the network (tcp or ssh) rather than a local socket. */
  readonly remote: boolean;
  /** The engine `resolveEngine` chooses, i.e. the one used when nothing is selected. */
  readonly isDefault: boolean;
}

/** A host the user added in `berthwise.engine.hosts`. */
export interface ConfiguredHost {
  readonly name: string;
  readonly host: string;
  /** For `tcp://` hosts: a folder with ca.pem, cert.pem and key.pem; setting it turns TLS on. */
  readonly certPath?: string;
}

export interface EngineListInputs extends ConnectionInputs {
  readonly configuredHosts: readonly ConfiguredHost[];
  /** Lists a directory's entries, or [] when it does not exist (injected; used for the context store). */
  readonly listDir: (path: string) => readonly string[];
}

/** Reads `berthwise.engine.hosts` leniently: entries without a string name and host are dropped. */
export function parseConfiguredHosts(value: unknown): ConfiguredHost[] {
  if (!Array.isArray(value)) {
    return [];
  }
  return value.flatMap((entry: unknown) => {
    const record = (typeof entry === 'object' && entry !== null ? entry : {}) as { name?: unknown; host?: unknown; certPath?: unknown };
    const certPath = typeof record.certPath === 'string' && record.certPath.trim() !== '' ? record.certPath.trim() : undefined;
    return typeof record.name === 'string' && record.name.trim() !== '' && typeof record.host === 'string' && record.host.trim() !== ''
      ? [{ name: record.name.trim(), host: record.host.trim(), ...(certPath ? { certPath } : {}) }]
      : [];
  });
}

/** Names of every context in the Docker CLI context store (the `Name` in each meta.json). */
export function listContextNames(configDir: string, access: ContextStoreAccess, listDir: (path: string) => readonly string[]): string[] {
  const metaRoot = join(configDir, 'contexts', 'meta');
  const names: string[] = [];
  for (const key of listDir(metaRoot)) {
    const text = access.readFile(join(metaRoot, key, 'meta.json'));
    try {
      const name = text === undefined ? undefined : (JSON.parse(text) as { Name?: unknown }).Name;
      if (typeof name === 'string' && name !== '') {
        names.push(name);
      }
    } catch {
      // A broken meta.json is reported when that context is chosen; listing skips it.
    }
  }
  return names.sort((a, b) => a.localeCompare(b));
}

/** True for endpoints reached over the network. */
export function isRemoteEndpoint(endpoint: EngineEndpoint): boolean {
  return endpoint.kind !== 'unix';
}

/** Every engine candidate, in a stable order: setting, DOCKER_HOST, contexts, configured hosts, sockets. */
export function listEngineCandidates(inputs: EngineListInputs): EngineCandidate[] {
  const tlsVerify = isTruthy(inputs.env['DOCKER_TLS_VERIFY']);
  const certPath = inputs.env['DOCKER_CERT_PATH'];
  const defaultTarget = resolvedTarget(inputs);
  const found: EngineCandidate[] = [];
  const add = (name: string, source: EngineCandidateSource, read: () => EngineEndpoint | undefined, missing = false): void => {
    if (found.some((candidate) => candidate.name === name)) {
      return; // the first entry with a name wins, so selection by name stays unambiguous
    }
    try {
      const endpoint = read();
      if (!endpoint) {
        return;
      }
      const isDefault = describeEndpoint(endpoint) === defaultTarget && !found.some((candidate) => candidate.isDefault);
      found.push({ name, source, endpoint, remote: isRemoteEndpoint(endpoint), isDefault, ...(missing ? { missing } : {}) });
    } catch (error) {
      found.push({ name, source, invalid: error instanceof Error ? error.message : String(error), remote: false, isDefault: false });
    }
  };
  if (inputs.hostSetting.trim() !== '') {
    add('setting', 'setting', () => parseHost(inputs.hostSetting, tlsVerify, certPath));
  }
  const dockerHost = inputs.env['DOCKER_HOST'];
  if (dockerHost && dockerHost.trim() !== '') {
    add('DOCKER_HOST', 'dockerHost', () => parseHost(dockerHost, tlsVerify, certPath));
  }
  const access: ContextStoreAccess = { readFile: inputs.readFile ?? (() => undefined), exists: inputs.exists };
  const configDir = dockerConfigDir(inputs.env, inputs.homeDir ?? '/');
  for (const contextName of listContextNames(configDir, access, inputs.listDir)) {
    add(`context:${contextName}`, 'context', () => {
      const context = readContextEndpoint(configDir, contextName, access);
      if (!context) {
        return undefined;
      }
      const endpoint = parseHost(context.host, context.tlsDir !== undefined || context.skipTlsVerify, context.tlsDir);
      return endpoint.kind === 'tcp' && context.skipTlsVerify ? { ...endpoint, skipVerify: true } : endpoint;
    });
  }
  for (const host of inputs.configuredHosts) {
    // A host's own certPath wins over DOCKER_CERT_PATH; DOCKER_TLS_VERIFY applies to hosts without one.
    add(host.name, 'configuredHost', () => parseHost(host.host, host.certPath !== undefined || (tlsVerify && host.host.startsWith('tcp://')), host.certPath ?? certPath));
  }
  for (const socket of wellKnownSockets(inputs)) {
    add(socket.name, 'socket', () => ({ kind: 'unix', socketPath: socket.path }), !inputs.exists(socket.path));
  }
  return found;
}

/** The sockets Docker and Podman use by default, rootful and rootless. */
export function wellKnownSockets(inputs: Pick<ConnectionInputs, 'env' | 'uid'>): { name: string; path: string }[] {
  const runtimeDir = inputs.env['XDG_RUNTIME_DIR'] ?? `/run/user/${inputs.uid}`;
  return [
    { name: 'docker', path: '/var/run/docker.sock' },
    { name: 'docker-rootless', path: `${runtimeDir}/docker.sock` },
    { name: 'podman', path: '/run/podman/podman.sock' },
    { name: 'podman-rootless', path: `${runtimeDir}/podman/podman.sock` },
  ];
}

/**
 * The candidates to show side by side: the selected names that exist (in the order given), or the
 * default engine alone when nothing valid is selected. Unknown names are returned separately.
 */
export function selectEngines(candidates: readonly EngineCandidate[], selected: readonly string[]): { engines: EngineCandidate[]; unknown: string[] } {
  const engines: EngineCandidate[] = [];
  const unknown: string[] = [];
  for (const name of selected) {
    const candidate = candidates.find((entry) => entry.name === name);
    if (!candidate || !candidate.endpoint) {
      unknown.push(name);
    } else if (!engines.includes(candidate)) {
      engines.push(candidate);
    }
  }
  if (engines.length === 0) {
    const fallback = candidates.find((candidate) => candidate.isDefault);
    if (fallback) {
      engines.push(fallback);
    }
  }
  return { engines, unknown };
}

function resolvedTarget(inputs: ConnectionInputs): string | undefined {
  try {
    return describeEndpoint(resolveEngine(inputs).endpoint);
  } catch {
    return undefined;
  }
}

function isTruthy(value: string | undefined): boolean {
  return value !== undefined && value !== '' && value !== '0' && value.toLowerCase() !== 'false';
}
