/** The project's own view of engine objects: only what the UI uses, independent of dockerode. */

export interface EngineVersion {
  readonly version: string;
  readonly apiVersion: string;
  readonly os: string;
  readonly arch: string;
}

export interface ContainerSummary {
  readonly id: string;
  readonly name: string;
  readonly image: string;
  readonly state: string;
  readonly status: string;
  readonly labels: Readonly<Record<string, string>>;
}

export interface ImageSummary {
  readonly id: string;
  readonly repoTags: readonly string[];
  readonly size: number;
  readonly created: number;
}

export interface VolumeSummary {
  readonly name: string;
  readonly driver: string;
  readonly mountpoint: string;
}

export interface NetworkSummary {
  readonly id: string;
  readonly name: string;
  readonly driver: string;
  readonly scope: string;
}
