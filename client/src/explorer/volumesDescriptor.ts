/** Pure: the Volumes view — driver, mountpoint, the containers using each volume, size when reported. */
import type { ContainerSummary, VolumeSummary } from '../engine/types';
import type { ResourceDescriptor, TreeItemModel, ViewOptions } from './treeModel';
import { containerToModel } from './containersDescriptor';
import { appendTo, formatBytes, formatDate, sortModels } from './format';

/** One volume → its tree item (contextValue `volume.present`, id = the volume name), users as children. */
export function volumeToModel(volume: VolumeSummary, users: readonly ContainerSummary[], options: ViewOptions): TreeItemModel {
  const { t } = options;
  const use = users.length > 0 ? t('used by {0}', users.length) : t('unused');
  return {
    id: volume.name,
    label: volume.name,
    description: [volume.driver, use, volume.size !== undefined ? formatBytes(volume.size) : undefined].filter(Boolean).join(' · '),
    tooltip: [
      volume.name,
      t('Driver: {0}', volume.driver),
      t('Mountpoint: {0}', volume.mountpoint),
      t('Created: {0}', formatDate(volume.created)),
      volume.size !== undefined ? t('Size: {0}', formatBytes(volume.size)) : t('Size: not reported by the engine'),
      users.length > 0 ? t('Used by: {0}', users.map((c) => c.name).join(', ')) : t('Used by no container'),
    ].join('\n'),
    contextValue: 'volume.present',
    icon: 'database',
    ...(users.length > 0 ? { iconColor: 'charts.green' } : {}),
    ...(users.length > 0 ? { children: users.map((c) => ({ ...containerToModel(c, options), treeId: `volume:${volume.name}:${c.id}` })), expanded: false } : {}),
  };
}

export const volumeDescriptor: ResourceDescriptor<'volume'> = {
  kind: 'volume',
  list: (engine, signal) => engine.listVolumes({ signal }),
  find: (engine, id, signal) => engine.findVolume(id, { signal }),
  keysOf: (id) => [id],
  failureTitle: (t) => t('Could not list the volumes'),
  // A container that mounts a volume shows under it, as the containers view shows it.
  containerFacts: (container) => (container.mounts.some((mount) => mount.type === 'volume') ? JSON.stringify(container) : undefined),
  buildTree: (snapshot, options) => {
    const users = new Map<string, ContainerSummary[]>();
    for (const container of snapshot.all('container')) {
      for (const mount of container.mounts) {
        if (mount.type === 'volume' && mount.name) {
          appendTo(users, mount.name, container);
        }
      }
    }
    const volumes = sortModels(snapshot.all('volume'), options.sortBy, { label: (v) => v.name, created: (v) => v.created, rank: (v) => (users.has(v.name) ? 0 : 1) });
    return volumes.map((volume) => volumeToModel(volume, users.get(volume.name) ?? [], options));
  },
};
