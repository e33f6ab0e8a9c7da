/**
 * Pure: the entries the Run Image dialog takes, one at a time, each read into the engine's terms.
 * Nothing here is ever given to a shell: ports, variables and mounts become fields of the request.
 */
import type { PortPublication, RunMount } from '../../engine/resources/lifecycle';
import { objectNameProblem } from '../names';

const portNumber = (text: string | undefined): number | undefined => {
  if (text === undefined || !/^\d{1,5}$/.test(text)) {
    return undefined;
  }
  const value = Number(text);
  return value <= 65535 ? value : undefined;
};

/**
 * `[hostIp:]hostPort:containerPort[/protocol]` or `containerPort[/protocol]` (the engine picks the
 * host port) → a publication; undefined when malformed.
 */
export function parsePort(text: string): PortPublication | undefined {
  const [mapping = '', protocolText = 'tcp', extra] = text.trim().split('/');
  const protocol = protocolText.toLowerCase();
  if (extra !== undefined || (protocol !== 'tcp' && protocol !== 'udp' && protocol !== 'sctp')) {
    return undefined;
  }
  const parts = mapping.split(':');
  const containerPort = portNumber(parts.at(-1));
  if (containerPort === undefined || containerPort === 0 || parts.length > 3) {
    return undefined;
  }
  const hostPort = parts.length >= 2 ? portNumber(parts.at(-2) === '' ? '0' : parts.at(-2)) : 0;
  const hostIp = parts.length === 3 ? parts[0] : undefined;
  if (hostPort === undefined || (hostIp !== undefined && !/^[0-9a-fA-F.:[\]]+$/.test(hostIp))) {
    return undefined;
  }
  return { containerPort, protocol, hostPort, ...(hostIp ? { hostIp } : {}) };
}

/** How a publication is written back (the dialog lists what was entered). */
export function formatPort(port: PortPublication): string {
  const host = port.hostPort === 0 ? '' : `${port.hostIp ? `${port.hostIp}:` : ''}${port.hostPort}:`;
  return `${host}${port.containerPort}/${port.protocol}`;
}

/** `NAME=value` (the value may hold anything, `=` included); undefined when the name is not a valid variable name. */
export function parseEnvEntry(text: string): string | undefined {
  const equals = text.indexOf('=');
  const name = equals >= 0 ? text.slice(0, equals) : '';
  return /^[A-Za-z_][A-Za-z0-9_.-]*$/.test(name) ? text : undefined;
}

/**
 * `source:/target[:ro]`: a source starting with `/` is a host folder (bind mount), else a volume
 * name. Undefined when malformed (relative target, bad volume name).
 */
export function parseMount(text: string): RunMount | undefined {
  const trimmed = text.trim();
  const readOnly = /:ro$/i.test(trimmed);
  const body = readOnly || /:rw$/i.test(trimmed) ? trimmed.slice(0, -3) : trimmed;
  const split = body.indexOf(':/');
  if (split <= 0) {
    return undefined;
  }
  const source = body.slice(0, split);
  const target = body.slice(split + 1);
  if (!target.startsWith('/')) {
    return undefined;
  }
  if (source.startsWith('/')) {
    return { type: 'bind', source, target, readOnly };
  }
  return objectNameProblem(source) ? undefined : { type: 'volume', source, target, readOnly };
}

export function formatMount(mount: RunMount): string {
  return `${mount.source}:${mount.target}${mount.readOnly ? ':ro' : ''}`;
}

/** The ports an image's config exposes (`EXPOSE`), as suggested publications on the same host port. */
export function exposedPortSuggestions(inspect: unknown): PortPublication[] {
  const config = typeof inspect === 'object' && inspect !== null ? (inspect as { Config?: { ExposedPorts?: Record<string, unknown> | null } | null }).Config : undefined;
  return Object.keys(config?.ExposedPorts ?? {})
    .map((key) => parsePort(key))
    .filter((port): port is PortPublication => port !== undefined)
    .map((port) => ({ ...port, hostPort: port.containerPort }));
}
