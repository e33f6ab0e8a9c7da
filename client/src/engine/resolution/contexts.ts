/**
 * Pure: reads the Docker CLI context store (the `docker context` metadata under the Docker config
 * directory). File access is injected so every rule is unit-tested without touching the disk.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';

/** What a context says about its Docker endpoint. */
export interface DockerContextEndpoint {
  readonly name: string;
  readonly host: string;
  readonly skipTlsVerify: boolean;
  /** Directory holding ca.pem / cert.pem / key.pem when the context carries TLS material. */
  readonly tlsDir?: string;
}

export interface ContextStoreAccess {
  /** Returns the file's text, or undefined when it does not exist or cannot be read. */
  readonly readFile: (path: string) => string | undefined;
  readonly exists: (path: string) => boolean;
}

export class ContextError extends Error {}

/** The Docker config directory: `DOCKER_CONFIG`, else `~/.docker`. */
export function dockerConfigDir(env: Readonly<Record<string, string | undefined>>, homeDir: string): string {
  const configured = env['DOCKER_CONFIG'];
  return configured && configured.trim() !== '' ? configured : join(homeDir, '.docker');
}

/** The `currentContext` named in config.json, or undefined when unset or unreadable. */
export function currentContextName(configDir: string, access: ContextStoreAccess): string | undefined {
  const text = access.readFile(join(configDir, 'config.json'));
  if (text === undefined) {
    return undefined;
  }
  try {
    const parsed = JSON.parse(text) as { currentContext?: unknown };
    return typeof parsed.currentContext === 'string' && parsed.currentContext !== '' ? parsed.currentContext : undefined;
  } catch {
    // A broken config.json must not break Berthwise: the docker CLI would complain on its own.
    return undefined;
  }
}

/** The store keys a context by the hex SHA-256 of its name (so names may hold any character). */
export function contextDirName(name: string): string {
  return createHash('sha256').update(name).digest('hex');
}

/**
 * Reads the docker endpoint of a named context. `default` is not stored: it means "no context",
 * so it returns undefined. A named context that is missing or has no docker endpoint throws.
 */
export function readContextEndpoint(configDir: string, name: string, access: ContextStoreAccess): DockerContextEndpoint | undefined {
  if (name === 'default') {
    return undefined;
  }
  const key = contextDirName(name);
  const metaPath = join(configDir, 'contexts', 'meta', key, 'meta.json');
  const text = access.readFile(metaPath);
  if (text === undefined) {
    throw new ContextError(`The Docker context "${name}" does not exist (no ${metaPath}). Run \`docker context ls\` to see the contexts.`);
  }
  let docker: { Host?: unknown; SkipTLSVerify?: unknown } | undefined;
  try {
    const meta = JSON.parse(text) as { Endpoints?: { docker?: { Host?: unknown; SkipTLSVerify?: unknown } } };
    docker = meta.Endpoints?.docker;
  } catch {
    throw new ContextError(`The metadata of the Docker context "${name}" is not valid JSON (${metaPath}).`);
  }
  if (!docker || typeof docker.Host !== 'string' || docker.Host === '') {
    throw new ContextError(`The Docker context "${name}" has no Docker endpoint host (${metaPath}).`);
  }
  const tlsDir = join(configDir, 'contexts', 'tls', key, 'docker');
  return {
    name,
    host: docker.Host,
    skipTlsVerify: docker.SkipTLSVerify === true,
    ...(access.exists(join(tlsDir, 'ca.pem')) || access.exists(join(tlsDir, 'cert.pem')) ? { tlsDir } : {}),
  };
}
