import type {
  ContainerMount,
  ContainerNetwork,
  ContainerSummary,
  EngineEvent,
  EngineObjectKind,
  EngineVersion,
  ImageSummary,
  NetworkSummary,
  PublishedPort,
  VolumeSummary,
} from '../types';

/* Pure mappers from Engine API JSON (as dockerode returns it) to the project's own types.
   Inputs are typed loosely on purpose: engines differ (Podman, old API versions) and a missing
   field must give a sensible value, never a crash. */

type Json = Record<string, unknown>;

const str = (value: unknown, fallback = ''): string => (typeof value === 'string' ? value : fallback);
const num = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) ? value : 0);
const obj = (value: unknown): Json => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : {});
const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
/** String-valued entries only; a plain loop, as every object of a thousand-item list has labels. */
const labels = (value: unknown): Record<string, string> => {
  const result: Record<string, string> = {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return result;
  }
  const source = value as Json;
  for (const key of Object.keys(source)) {
    const entry = source[key];
    if (typeof entry !== 'string') {
      continue;
    }
    if (key === '__proto__') {
      // An own property, as Object.fromEntries would make it, never the prototype.
      Object.defineProperty(result, key, { value: entry, enumerable: true, writable: true, configurable: true });
    } else {
      result[key] = entry;
    }
  }
  return result;
};
/** The first string of an array, without copying it (container names). */
const firstString = (value: unknown): string | undefined => (Array.isArray(value) ? value.find((v): v is string => typeof v === 'string') : undefined);
/** Maps an array of objects; the common empty case allocates nothing but the result. */
const mapObjects = <T>(value: unknown, map: (json: Json) => T): T[] => (Array.isArray(value) && value.length > 0 ? value.map((entry) => map(obj(entry))) : []);

/** Seconds since the epoch from a number of seconds or an RFC 3339 string (inspect uses strings). */
const epochSeconds = (value: unknown): number => {
  if (typeof value === 'string') {
    const ms = Date.parse(value);
    return Number.isFinite(ms) && ms > 0 ? Math.floor(ms / 1000) : 0;
  }
  return num(value);
};

/** `GET /version` → EngineVersion. */
export function toEngineVersion(json: Json): EngineVersion {
  return { version: str(json['Version'], '?'), apiVersion: str(json['ApiVersion'], '?'), os: str(json['Os']), arch: str(json['Arch']) };
}

/** One entry of `GET /containers/json` → ContainerSummary (the leading `/` of names dropped). */
export function toContainerSummary(json: Json): ContainerSummary {
  const firstName = firstString(json['Names']) ?? str(json['Id']).slice(0, 12);
  const networks = obj(obj(json['NetworkSettings'])['Networks']);
  const containerNetworks: ContainerNetwork[] = [];
  for (const name of Object.keys(networks)) {
    containerNetworks.push({ name, networkId: str(obj(networks[name])['NetworkID']) });
  }
  return {
    id: str(json['Id']),
    name: firstName.startsWith('/') ? firstName.slice(1) : firstName,
    image: str(json['Image']),
    imageId: str(json['ImageID']),
    command: str(json['Command']),
    created: num(json['Created']),
    state: str(json['State'], 'unknown'),
    status: str(json['Status']),
    labels: labels(json['Labels']),
    ports: mapObjects(json['Ports'], toPublishedPort),
    mounts: mapObjects(json['Mounts'], toMount),
    networks: containerNetworks,
  };
}

function toPublishedPort(json: Json): PublishedPort {
  const publicPort = num(json['PublicPort']);
  const hostIp = str(json['IP']);
  return {
    privatePort: num(json['PrivatePort']),
    protocol: str(json['Type'], 'tcp'),
    ...(publicPort > 0 ? { publicPort } : {}),
    ...(hostIp ? { hostIp } : {}),
  };
}

function toMount(json: Json): ContainerMount {
  const name = str(json['Name']);
  return { type: str(json['Type']), source: str(json['Source']), destination: str(json['Destination']), ...(name ? { name } : {}) };
}

/** One entry of `GET /images/json`, or `GET /images/{id}/json`, → ImageSummary (`<none>` tags dropped). */
export function toImageSummary(json: Json): ImageSummary {
  return {
    id: str(json['Id']),
    repoTags: strings(json['RepoTags']).filter((tag) => tag !== '<none>:<none>'),
    repoDigests: strings(json['RepoDigests']).filter((digest) => !digest.startsWith('<none>@')),
    size: num(json['Size']),
    created: epochSeconds(json['Created']),
    // The list puts labels at the top level, inspect under Config.
    labels: labels(json['Labels'] ?? obj(json['Config'])['Labels']),
  };
}

/** One entry of `GET /volumes` `.Volumes`, or `GET /volumes/{name}`, → VolumeSummary. */
export function toVolumeSummary(json: Json): VolumeSummary {
  const usage = obj(json['UsageData']);
  // The engine reports -1 when it did not compute the size.
  const size = typeof usage['Size'] === 'number' && usage['Size'] >= 0 ? usage['Size'] : undefined;
  return {
    name: str(json['Name']),
    driver: str(json['Driver']),
    mountpoint: str(json['Mountpoint']),
    scope: str(json['Scope'], 'local'),
    labels: labels(json['Labels']),
    created: epochSeconds(json['CreatedAt']),
    ...(size !== undefined ? { size } : {}),
  };
}

/** One entry of `GET /networks`, or `GET /networks/{id}`, → NetworkSummary. */
export function toNetworkSummary(json: Json): NetworkSummary {
  return {
    id: str(json['Id']),
    name: str(json['Name']),
    driver: str(json['Driver']),
    scope: str(json['Scope']),
    internal: json['Internal'] === true,
    labels: labels(json['Labels']),
    created: epochSeconds(json['Created']),
  };
}

const eventKinds: ReadonlySet<string> = new Set<EngineObjectKind>(['container', 'image', 'volume', 'network']);

/** One JSON message of `GET /events` → EngineEvent, or undefined for kinds the explorer does not show. */
export function toEngineEvent(json: Json): EngineEvent | undefined {
  const kind = str(json['Type']);
  const actor = obj(json['Actor']);
  const id = str(actor['ID'], str(json['id']));
  if (!eventKinds.has(kind) || id === '') {
    return undefined;
  }
  const rawAction = str(json['Action'], str(json['status']));
  const timeMs = typeof json['timeNano'] === 'number' ? Math.floor(json['timeNano'] / 1e6) : num(json['time']) * 1000;
  return { kind: kind as EngineObjectKind, action: rawAction.split(':')[0]?.trim() ?? rawAction, id, attributes: labels(actor['Attributes']), timeMs };
}
