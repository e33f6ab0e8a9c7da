/**
 * Reading what a prune could remove, and removing one planned object. Deliberately never calls the
 * engine's /containers|images|volumes|networks/prune endpoints: they would also take objects created
 * after the user's preview. Each removal is a plain, non-forced delete of one previewed id.
 */
import type { CallOptions, EngineCore } from '../transport/core';
import { EngineError } from '../errors';
import type { PrunableBuildCache, PrunableContainer, PrunableImage, PrunableNetwork, PrunableVolume, PruneInventory, PruneItem } from './prunePlan';
import { startVolumeWatch, type VolumeChangeWatch } from './volumeWatch';

export type { VolumeChangeWatch } from './volumeWatch';

export interface PruneRemoveOptions extends CallOptions {
  /** Started before the inventory was read; without it no volume is removed (its identity cannot be proven). */
  readonly volumeWatch?: VolumeChangeWatch;
}

export interface PruneApi {
  /** One consistent snapshot of containers, images, volumes, networks and build cache with sizes. */
  readPruneInventory(options?: CallOptions): Promise<PruneInventory>;
  /**
   * Starts noting volume deletions; start it before reading the inventory a plan with volumes comes
   * from, pass it to every removal, and close it afterwards.
   */
  watchVolumeChanges(options?: CallOptions): Promise<VolumeChangeWatch>;
  /** Removes exactly one planned object; an engine refusal (e.g. in use) surfaces as an EngineError. */
  removePruneItem(item: PruneItem, options?: PruneRemoveOptions): Promise<void>;
}

type Json = Record<string, unknown>;

const str = (value: unknown): string => (typeof value === 'string' ? value : '');
const num = (value: unknown, fallback = 0): number => (typeof value === 'number' && Number.isFinite(value) ? value : fallback);
const list = (value: unknown): Json[] => (Array.isArray(value) ? value.filter((v): v is Json => typeof v === 'object' && v !== null) : []);
const labelsOf = (value: unknown): Record<string, string> =>
  typeof value === 'object' && value !== null
    ? Object.fromEntries(Object.entries(value as Json).filter((entry): entry is [string, string] => typeof entry[1] === 'string'))
    : {};

/** One `GET /system/df` container → PrunableContainer. */
export function toPrunableContainer(json: Json): PrunableContainer {
  const names = Array.isArray(json['Names']) ? (json['Names'] as unknown[]).map(str) : [];
  const networks = (json['NetworkSettings'] as Json | undefined)?.['Networks'];
  return {
    id: str(json['Id']),
    name: (names[0] ?? str(json['Id']).slice(0, 12)).replace(/^\//, ''),
    state: str(json['State']),
    imageId: str(json['ImageID']),
    labels: labelsOf(json['Labels']),
    sizeRw: num(json['SizeRw']),
    volumeNames: list(json['Mounts'])
      .filter((mount) => mount['Type'] === 'volume')
      .map((mount) => str(mount['Name'])),
    networkIds: typeof networks === 'object' && networks !== null ? Object.values(networks as Record<string, Json>).map((n) => str(n['NetworkID'])) : [],
  };
}

/** One `GET /system/df` image → PrunableImage. */
export function toPrunableImage(json: Json): PrunableImage {
  return {
    id: str(json['Id']),
    repoTags: Array.isArray(json['RepoTags']) ? (json['RepoTags'] as unknown[]).map(str).filter((tag) => tag !== '' && tag !== '<none>:<none>') : [],
    labels: labelsOf(json['Labels']),
    size: num(json['Size']),
    sharedSize: num(json['SharedSize']),
  };
}

/** One `GET /system/df` volume → PrunableVolume (size -1 when the engine did not compute it). */
export function toPrunableVolume(json: Json): PrunableVolume {
  return { name: str(json['Name']), createdAt: str(json['CreatedAt']), labels: labelsOf(json['Labels']), size: num((json['UsageData'] as Json | undefined)?.['Size'], -1) };
}

/** One `GET /networks` entry → PrunableNetwork. */
export function toPrunableNetwork(json: Json): PrunableNetwork {
  return { id: str(json['Id']), name: str(json['Name']), driver: str(json['Driver']), labels: labelsOf(json['Labels']) };
}

/** One `GET /system/df` build cache record → PrunableBuildCache. */
export function toPrunableBuildCache(json: Json): PrunableBuildCache {
  return { id: str(json['ID']), type: str(json['Type']), description: str(json['Description']), size: num(json['Size']), inUse: json['InUse'] === true };
}

interface Dialable {
  dial(options: Json, callback: (error: unknown, data: unknown) => void): void;
}

export function createPruneApi(core: EngineCore): PruneApi {
  const { docker, call } = core;
  const modem = (docker as unknown as { modem: Dialable }).modem;
  const dial = (options: Json): Promise<unknown> =>
    new Promise((resolve, reject) => modem.dial(options, (error, data) => (error ? reject(error instanceof Error ? error : new Error(JSON.stringify(error))) : resolve(data))));

  type Inspectable = { inspect(options: { abortSignal: AbortSignal }): Promise<unknown> };
  const inspect = async (object: unknown, abortSignal: AbortSignal): Promise<Json> => (await (object as Inspectable).inspect({ abortSignal })) as Json;

  const removeImage = async (item: PruneItem, abortSignal: AbortSignal): Promise<void> => {
    // A tag is a name, not an image: one moved to another image after the preview (a rebuild, a
    // pull) would untag, or delete, an image nobody confirmed. Every tag is checked first.
    for (const tag of item.tags) {
      const now = str((await inspect(docker.getImage(tag), abortSignal))['Id']);
      if (now !== item.id) {
        throw new EngineError('conflict', `${tag} was moved to another image (${now.replace(/^sha256:/, '').slice(0, 12)}) after the preview; that image was left alone.`);
      }
    }
    // Untag one previewed tag at a time without force: the engine itself refuses if a container
    // started using the image after the preview, and a tag added meanwhile keeps the image alive.
    const references = item.tags.length > 0 ? item.tags : [item.id];
    for (const reference of references) {
      await docker.getImage(reference).remove({ abortSignal } as object);
    }
  };

  // No per-record delete exists; a prune filtered to this one record id is the exact equivalent.
  // BuildKit answers 200 even when it keeps the record (a parent of newer build steps is kept while
  // they exist), so the answer's list of deleted ids decides whether it really went.
  const removeBuildCacheRecord = async (id: string, abortSignal: AbortSignal): Promise<void> => {
    const answer = (await dial({
      path: '/build/prune?',
      method: 'POST',
      abortSignal,
      statusCodes: { 200: true, 500: 'server error' },
      options: { all: true, filters: { id: [id] } },
    })) as { CachesDeleted?: readonly string[] | null } | undefined;
    if (!(answer?.CachesDeleted ?? []).includes(id)) {
      throw new EngineError('conflict', `Build cache record ${id} was kept by the engine: newer build steps still build on it.`);
    }
  };
  const removeVolume = async (item: PruneItem, abortSignal: AbortSignal, watch: VolumeChangeWatch | undefined): Promise<void> => {
    // Volumes have no id, only a name: one deleted and made again under it after the preview is a
    // different volume, and its CreatedAt (whole seconds) may be the same. The deletion events
    // since the preview tell (volumeWatch.ts); where they cannot, the volume is kept.
    const identity = watch ? await watch.check(item.id, abortSignal) : 'unknown';
    if (identity === 'changed') {
      throw new EngineError('conflict', `Volume ${item.id} was deleted after the preview (perhaps made again under its name); whatever has that name now was left alone.`);
    }
    if (identity === 'unknown') {
      throw new EngineError('conflict', `Volume ${item.id} was kept: it cannot be proven to be the volume of the preview (the engine's event stream was interrupted or too busy to account for the time after the preview). Prune again to see a fresh preview.`);
    }
    if (item.createdAt !== undefined) {
      const now = str((await inspect(docker.getVolume(item.id), abortSignal))['CreatedAt']);
      if (now !== item.createdAt) {
        throw new EngineError('conflict', `Volume ${item.id} was created again after the preview (${now}); the new volume was left alone.`);
      }
    }
    await docker.getVolume(item.id).remove({ abortSignal } as object);
  };

  return {
    readPruneInventory: (options) =>
      call(options, async (abortSignal) => {
        const df = (await (docker as unknown as { df(options: { abortSignal: AbortSignal }): Promise<Json> }).df({ abortSignal }));
        const networks = (await docker.listNetworks({ abortSignal })) as unknown as Json[];
        return {
          containers: list(df['Containers']).map(toPrunableContainer),
          images: list(df['Images']).map(toPrunableImage),
          volumes: list(df['Volumes']).map(toPrunableVolume),
          networks: networks.map(toPrunableNetwork),
          buildCache: list(df['BuildCache']).map(toPrunableBuildCache),
        };
      }),
    watchVolumeChanges: (options) => startVolumeWatch(core, options),
    removePruneItem: (item, options) =>
      call(options, async (abortSignal) => {
        switch (item.kind) {
          case 'containers':
            return void (await docker.getContainer(item.id).remove({ abortSignal, force: false, v: false } as object));
          case 'images':
            return removeImage(item, abortSignal);
          case 'volumes':
            return removeVolume(item, abortSignal, options?.volumeWatch);
          case 'networks':
            return void (await docker.getNetwork(item.id).remove({ abortSignal } as object));
          case 'buildCache':
            return removeBuildCacheRecord(item.id, abortSignal);
        }
      }),
  };
}
