/**
 * Pure: one descriptor per resource kind, turning engine summaries into plain tree-item models.
 * No `vscode` import, so the mapping is tested in plain Node.
 */
import type { Engine } from '../engine/engine';
import type { ContainerSummary, ImageSummary, NetworkSummary, VolumeSummary } from '../engine/types';

export type ResourceKind = 'container' | 'image' | 'volume' | 'network';

/** What a tree item shows, independent of the VS Code API. */
export interface TreeItemModel {
  readonly id: string;
  readonly label: string;
  readonly description: string;
  readonly tooltip: string;
  /** `<kind>.<state>` so menus can depend on kind and state. */
  readonly contextValue: string;
  /** A codicon id. */
  readonly icon: string;
}

export interface ResourceDescriptor<T> {
  readonly kind: ResourceKind;
  list(engine: Engine, signal: AbortSignal): Promise<T[]>;
  toModel(item: T): TreeItemModel;
}

const containerIcons: Readonly<Record<string, string>> = {
  running: 'vm-running',
  paused: 'debug-pause',
  restarting: 'sync',
  exited: 'vm-outline',
  created: 'vm-outline',
  dead: 'error',
};

export const containerDescriptor: ResourceDescriptor<ContainerSummary> = {
  kind: 'container',
  list: (engine, signal) => engine.listContainers({ signal }),
  toModel: (c) => ({
    id: c.id,
    label: c.name,
    description: `${c.image} · ${c.status}`,
    tooltip: `${c.name}\n${c.id.slice(0, 12)}\n${c.image}\n${c.status}`,
    contextValue: `container.${c.state}`,
    icon: containerIcons[c.state] ?? 'vm',
  }),
};

export const imageDescriptor: ResourceDescriptor<ImageSummary> = {
  kind: 'image',
  list: (engine, signal) => engine.listImages({ signal }),
  toModel: (i) => {
    const dangling = i.repoTags.length === 0;
    return {
      id: i.id,
      label: dangling ? `<none> ${shortId(i.id)}` : i.repoTags.join(', '),
      description: formatBytes(i.size),
      tooltip: `${i.id}\n${formatBytes(i.size)}`,
      contextValue: dangling ? 'image.dangling' : 'image.tagged',
      icon: 'file-binary',
    };
  },
};

export const volumeDescriptor: ResourceDescriptor<VolumeSummary> = {
  kind: 'volume',
  list: (engine, signal) => engine.listVolumes({ signal }),
  toModel: (v) => ({
    id: v.name,
    label: v.name,
    description: v.driver,
    tooltip: `${v.name}\n${v.driver}\n${v.mountpoint}`,
    contextValue: 'volume.present',
    icon: 'database',
  }),
};

const builtInNetworks = new Set(['bridge', 'host', 'none']);

export const networkDescriptor: ResourceDescriptor<NetworkSummary> = {
  kind: 'network',
  list: (engine, signal) => engine.listNetworks({ signal }),
  toModel: (n) => ({
    id: n.id,
    label: n.name,
    description: `${n.driver} · ${n.scope}`,
    tooltip: `${n.name}\n${n.id.slice(0, 12)}\n${n.driver} · ${n.scope}`,
    contextValue: builtInNetworks.has(n.name) ? 'network.builtin' : 'network.custom',
    icon: 'type-hierarchy',
  }),
};

/** `sha256:abcdef…` → `abcdef123456`. */
export function shortId(id: string): string {
  return id.replace(/^sha256:/, '').slice(0, 12);
}

/** Bytes in the units `docker` prints (powers of 1000), e.g. `1.2 MB`. */
export function formatBytes(bytes: number): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return `${unit === 0 ? value : value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}
