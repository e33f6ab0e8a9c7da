/** The project's own view of engine objects: only what the UI uses, independent of dockerode. */

export interface EngineVersion {
  readonly version: string;
  readonly apiVersion: string;
  readonly os: string;
  readonly arch: string;
}

export interface PublishedPort {
  readonly privatePort: number;
  /** Absent when the port is exposed but not published on the host. */
  readonly publicPort?: number;
  readonly protocol: string;
  readonly hostIp?: string;
}

export interface ContainerMount {
  readonly type: string;
  /** The volume name for `volume` mounts. */
  readonly name?: string;
  readonly source: string;
  readonly destination: string;
}

export interface ContainerNetwork {
  readonly name: string;
  readonly networkId: string;
}

export interface ContainerSummary {
  readonly id: string;
  readonly name: string;
  readonly image: string;
  readonly imageId: string;
  readonly command: string;
  /** Creation time, seconds since the epoch. */
  readonly created: number;
  readonly state: string;
  readonly status: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly ports: readonly PublishedPort[];
  readonly mounts: readonly ContainerMount[];
  readonly networks: readonly ContainerNetwork[];
}

export interface ImageSummary {
  readonly id: string;
  readonly repoTags: readonly string[];
  readonly repoDigests: readonly string[];
  readonly size: number;
  /** Creation time, seconds since the epoch. */
  readonly created: number;
  readonly labels: Readonly<Record<string, string>>;
}

export interface VolumeSummary {
  readonly name: string;
  readonly driver: string;
  readonly mountpoint: string;
  readonly scope: string;
  readonly labels: Readonly<Record<string, string>>;
  /** Creation time, seconds since the epoch (0 when the engine does not say). */
  readonly created: number;
  /** Bytes used, only when the engine reports it (it does so in `system df`, rarely in lists). */
  readonly size?: number;
}

export interface NetworkSummary {
  readonly id: string;
  readonly name: string;
  readonly driver: string;
  readonly scope: string;
  readonly internal: boolean;
  readonly labels: Readonly<Record<string, string>>;
  /** Creation time, seconds since the epoch (0 when the engine does not say). */
  readonly created: number;
}

export type EngineObjectKind = 'container' | 'image' | 'volume' | 'network';

/** One message of the engine's `/events` stream, for the four object kinds the explorer shows. */
export interface EngineEvent {
  readonly kind: EngineObjectKind;
  /** The action without its detail, e.g. `exec_start` for `exec_start: sh`, `health_status` for `health_status: healthy`. */
  readonly action: string;
  /** Container id, image id, volume name or network id. */
  readonly id: string;
  readonly attributes: Readonly<Record<string, string>>;
  /** Event time, milliseconds since the epoch. */
  readonly timeMs: number;
}
