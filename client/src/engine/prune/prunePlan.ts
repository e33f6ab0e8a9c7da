/**
 * Pure: turns a snapshot of the engine's objects into an exact prune plan. The plan names every
 * object that will go (ids, labels, sizes); the executor later removes exactly these ids and nothing
 * else, so an object created after the preview can never be caught by it.
 */

export type PruneKind = 'containers' | 'images' | 'volumes' | 'networks' | 'buildCache';

/** Removal order: containers first so the images, networks and volumes they held become free. */
export const pruneKindOrder: readonly PruneKind[] = ['containers', 'images', 'networks', 'volumes', 'buildCache'];

export interface PrunableContainer {
  readonly id: string;
  readonly name: string;
  readonly state: string;
  readonly imageId: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly sizeRw: number;
  readonly volumeNames: readonly string[];
  readonly networkIds: readonly string[];
}

export interface PrunableImage {
  readonly id: string;
  readonly repoTags: readonly string[];
  readonly labels: Readonly<Record<string, string>>;
  readonly size: number;
  readonly sharedSize: number;
}

export interface PrunableVolume {
  readonly name: string;
  /** The engine's creation time (whole seconds): the only thing telling a volume from one made again under its name. */
  readonly createdAt: string;
  readonly labels: Readonly<Record<string, string>>;
  /** -1 when the engine did not compute it. */
  readonly size: number;
}

export interface PrunableNetwork {
  readonly id: string;
  readonly name: string;
  readonly driver: string;
  readonly labels: Readonly<Record<string, string>>;
}

export interface PrunableBuildCache {
  readonly id: string;
  readonly type: string;
  readonly description: string;
  readonly size: number;
  readonly inUse: boolean;
}

/** Everything a plan is computed from; read in one go from `GET /system/df` and `GET /networks`. */
export interface PruneInventory {
  readonly containers: readonly PrunableContainer[];
  readonly images: readonly PrunableImage[];
  readonly volumes: readonly PrunableVolume[];
  readonly networks: readonly PrunableNetwork[];
  readonly buildCache: readonly PrunableBuildCache[];
}

export interface PruneOptions {
  readonly kinds: readonly PruneKind[];
  /** false: only dangling (untagged) images; true: every image no container uses. */
  readonly allImages: boolean;
  /** `key=value` or `key`: objects carrying it are never planned. */
  readonly protectionLabel: string;
  /** When set, only objects carrying this label (`key=value` or `key`) are considered at all. */
  readonly scopeLabel?: string;
}

export interface PruneItem {
  readonly kind: PruneKind;
  /** Engine id (volume: its name). */
  readonly id: string;
  /** What the user recognises: a name, tags, or a short id. */
  readonly label: string;
  /** Bytes the removal should free (0 when unknown). */
  readonly size: number;
  /** Images: the tags removed one by one (never a forced delete). Empty for dangling images. */
  readonly tags: readonly string[];
  /** Volumes: creation time at the preview, checked again before removal. */
  readonly createdAt?: string;
}

export type ExclusionReason = 'protected' | 'inUse' | 'running' | 'builtin';

export interface PruneExclusion {
  readonly kind: PruneKind;
  readonly id: string;
  readonly label: string;
  readonly reason: ExclusionReason;
}

export interface PrunePlan {
  readonly items: readonly PruneItem[];
  /** Objects of the chosen kinds that stay, and why (protected ones are shown in the preview). */
  readonly excluded: readonly PruneExclusion[];
  readonly totalBytes: number;
}

interface LabelSelector {
  readonly key: string;
  readonly value: string | undefined;
}

/** `a.b=c` → {key a.b, value c}; `a.b` → {key a.b, any value}; blank → undefined (nothing protected). */
export function parseLabelSelector(text: string): LabelSelector | undefined {
  const trimmed = text.trim();
  if (trimmed === '') {
    return undefined;
  }
  const equals = trimmed.indexOf('=');
  return equals < 0 ? { key: trimmed, value: undefined } : { key: trimmed.slice(0, equals).trim(), value: trimmed.slice(equals + 1).trim() };
}

/** Whether a label set satisfies a selector (a key-only selector matches any value). */
export function hasLabel(labels: Readonly<Record<string, string>>, selector: LabelSelector | undefined): boolean {
  if (!selector || !Object.prototype.hasOwnProperty.call(labels, selector.key)) {
    return false;
  }
  return selector.value === undefined || labels[selector.key] === selector.value;
}

const stoppedStates = new Set(['exited', 'created', 'dead']);
const builtInNetworkNames = new Set(['bridge', 'host', 'none', 'ingress', 'docker_gwbridge']);

/** Builds the exact plan for the chosen kinds; nothing protected, running or in use is ever in it. */
export function planPrune(inventory: PruneInventory, options: PruneOptions): PrunePlan {
  const protection = parseLabelSelector(options.protectionLabel);
  const scope = options.scopeLabel === undefined ? undefined : parseLabelSelector(options.scopeLabel);
  const inScope = (labels: Readonly<Record<string, string>>): boolean => scope === undefined || hasLabel(labels, scope);
  const kinds = new Set(options.kinds);
  const items: PruneItem[] = [];
  const excluded: PruneExclusion[] = [];
  const exclude = (kind: PruneKind, id: string, label: string, reason: ExclusionReason): void => void excluded.push({ kind, id, label, reason });

  // Containers that stay keep their image, volumes and networks in use.
  const removedContainers = new Set<string>();
  if (kinds.has('containers')) {
    for (const c of inventory.containers.filter((container) => inScope(container.labels))) {
      if (hasLabel(c.labels, protection)) {
        exclude('containers', c.id, c.name, 'protected');
      } else if (!stoppedStates.has(c.state)) {
        exclude('containers', c.id, c.name, 'running');
      } else {
        removedContainers.add(c.id);
        items.push({ kind: 'containers', id: c.id, label: c.name, size: Math.max(0, c.sizeRw), tags: [] });
      }
    }
  }
  const remaining = inventory.containers.filter((c) => !removedContainers.has(c.id));
  const usedImages = new Set(remaining.map((c) => c.imageId));
  const usedVolumes = new Set(remaining.flatMap((c) => c.volumeNames));
  const usedNetworks = new Set(remaining.flatMap((c) => c.networkIds));

  if (kinds.has('images')) {
    for (const image of inventory.images.filter((i) => inScope(i.labels))) {
      const tags = image.repoTags.filter((tag) => tag !== '<none>:<none>');
      const label = tags.length > 0 ? tags.join(', ') : `<none> ${image.id.replace(/^sha256:/, '').slice(0, 12)}`;
      if (tags.length > 0 && !options.allImages) {
        continue; // tagged images are not candidates of a dangling-only prune; not worth listing
      }
      if (hasLabel(image.labels, protection)) {
        exclude('images', image.id, label, 'protected');
      } else if (usedImages.has(image.id)) {
        exclude('images', image.id, label, 'inUse');
      } else {
        const unique = image.sharedSize > 0 ? image.size - image.sharedSize : image.size;
        items.push({ kind: 'images', id: image.id, label, size: Math.max(0, unique), tags });
      }
    }
  }
  if (kinds.has('networks')) {
    for (const network of inventory.networks.filter((n) => inScope(n.labels))) {
      if (builtInNetworkNames.has(network.name)) {
        exclude('networks', network.id, network.name, 'builtin');
      } else if (hasLabel(network.labels, protection)) {
        exclude('networks', network.id, network.name, 'protected');
      } else if (usedNetworks.has(network.id)) {
        exclude('networks', network.id, network.name, 'inUse');
      } else {
        items.push({ kind: 'networks', id: network.id, label: network.name, size: 0, tags: [] });
      }
    }
  }
  if (kinds.has('volumes')) {
    for (const volume of inventory.volumes.filter((v) => inScope(v.labels))) {
      if (hasLabel(volume.labels, protection)) {
        exclude('volumes', volume.name, volume.name, 'protected');
      } else if (usedVolumes.has(volume.name)) {
        exclude('volumes', volume.name, volume.name, 'inUse');
      } else {
        items.push({ kind: 'volumes', id: volume.name, label: volume.name, size: Math.max(0, volume.size), tags: [], createdAt: volume.createdAt });
      }
    }
  }
  // Build cache records carry no labels: a label-scoped prune never touches them.
  if (kinds.has('buildCache') && scope === undefined) {
    for (const record of inventory.buildCache) {
      const label = `${record.type} ${record.description || record.id.slice(0, 12)}`.trim();
      if (record.inUse) {
        exclude('buildCache', record.id, label, 'inUse');
      } else {
        items.push({ kind: 'buildCache', id: record.id, label, size: Math.max(0, record.size), tags: [] });
      }
    }
  }
  const ordered = pruneKindOrder.flatMap((kind) => items.filter((item) => item.kind === kind));
  return { items: ordered, excluded, totalBytes: sumSizes(ordered) };
}

/** Total bytes of a list of plan items. */
export function sumSizes(items: readonly PruneItem[]): number {
  return items.reduce((total, item) => total + item.size, 0);
}
