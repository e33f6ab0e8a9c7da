import type { ContainerSummary, EngineVersion, ImageSummary, NetworkSummary, VolumeSummary } from './types';

/* Pure mappers from Engine API JSON (as dockerode returns it) to the project's own types.
   Inputs are typed loosely on purpose: engines differ (Podman, old API versions) and a missing
   field must give a sensible value, never a crash. */

type Json = Record<string, unknown>;

const str = (value: unknown, fallback = ''): string => (typeof value === 'string' ? value : fallback);
const num = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) ? value : 0);
const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
const labels = (value: unknown): Record<string, string> =>
  typeof value === 'object' && value !== null
    ? Object.fromEntries(Object.entries(value as Json).filter((entry): entry is [string, string] => typeof entry[1] === 'string'))
    : {};

/** `GET /version` → EngineVersion. */
export function toEngineVersion(json: Json): EngineVersion {
  return { version: str(json['Version'], '?'), apiVersion: str(json['ApiVersion'], '?'), os: str(json['Os']), arch: str(json['Arch']) };
}

/** One entry of `GET /containers/json` → ContainerSummary (the leading `/` of names dropped). */
export function toContainerSummary(json: Json): ContainerSummary {
  const firstName = strings(json['Names'])[0] ?? str(json['Id']).slice(0, 12);
  return {
    id: str(json['Id']),
    name: firstName.replace(/^\//, ''),
    image: str(json['Image']),
    state: str(json['State'], 'unknown'),
    status: str(json['Status']),
    labels: labels(json['Labels']),
  };
}

/** One entry of `GET /images/json` → ImageSummary (`<none>:<none>` tags dropped). */
export function toImageSummary(json: Json): ImageSummary {
  return {
    id: str(json['Id']),
    repoTags: strings(json['RepoTags']).filter((tag) => tag !== '<none>:<none>'),
    size: num(json['Size']),
    created: num(json['Created']),
  };
}

/** One entry of `GET /volumes` `.Volumes` → VolumeSummary. */
export function toVolumeSummary(json: Json): VolumeSummary {
  return { name: str(json['Name']), driver: str(json['Driver']), mountpoint: str(json['Mountpoint']) };
}

/** One entry of `GET /networks` → NetworkSummary. */
export function toNetworkSummary(json: Json): NetworkSummary {
  return { id: str(json['Id']), name: str(json['Name']), driver: str(json['Driver']), scope: str(json['Scope']) };
}
