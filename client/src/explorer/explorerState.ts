/**
 * Pure: the explorer's copy of the engine's objects, one map per kind, kept current by the
 * refresh controller and read by the tree descriptors. No `vscode`, no engine calls.
 */
import type { ContainerSummary, EngineObjectKind, ImageSummary, NetworkSummary, VolumeSummary } from '../engine/types';

export interface ObjectsByKind {
  container: ContainerSummary;
  image: ImageSummary;
  volume: VolumeSummary;
  network: NetworkSummary;
}

export const objectKinds: readonly EngineObjectKind[] = ['container', 'image', 'volume', 'network'];

/** The engine id the explorer keys an object by: the volume name, otherwise the id. */
export function objectKey<K extends EngineObjectKind>(kind: K, item: ObjectsByKind[K]): string {
  return kind === 'volume' ? (item as VolumeSummary).name : (item as ContainerSummary | ImageSummary | NetworkSummary).id;
}

/** Read-only access for the descriptors. */
export interface ExplorerSnapshot {
  all<K extends EngineObjectKind>(kind: K): readonly ObjectsByKind[K][];
  isLoaded(kind: EngineObjectKind): boolean;
  /** Whether the kind was listed at least once for this engine (possibly stale now). */
  hasData(kind: EngineObjectKind): boolean;
  /**
   * When the engine's answer for this object arrived (ms since the epoch): the moment its relative
   * texts (a container's "Up 2 minutes") were true, from which they are rendered again later.
   */
  observedAt(kind: EngineObjectKind, key: string): number | undefined;
}

export class ExplorerState implements ExplorerSnapshot {
  private readonly maps: { [K in EngineObjectKind]: Map<string, ObjectsByKind[K]> } = {
    container: new Map(),
    image: new Map(),
    volume: new Map(),
    network: new Map(),
  };
  private readonly loaded = new Set<EngineObjectKind>();
  private readonly listedOnce = new Set<EngineObjectKind>();
  private readonly observed: { [K in EngineObjectKind]: Map<string, number> } = { container: new Map(), image: new Map(), volume: new Map(), network: new Map() };

  /** `now` is injected so tests can move time. */
  constructor(private readonly now: () => number = Date.now) {}

  /** Objects of one kind, in the engine's order. */
  all<K extends EngineObjectKind>(kind: K): readonly ObjectsByKind[K][] {
    return [...this.maps[kind].values()] as ObjectsByKind[K][];
  }

  isLoaded(kind: EngineObjectKind): boolean {
    return this.loaded.has(kind);
  }

  hasData(kind: EngineObjectKind): boolean {
    return this.listedOnce.has(kind);
  }

  observedAt(kind: EngineObjectKind, key: string): number | undefined {
    return this.observed[kind].get(key);
  }

  get<K extends EngineObjectKind>(kind: K, key: string): ObjectsByKind[K] | undefined {
    return this.maps[kind].get(key);
  }

  /** Replaces every object of a kind with a fresh list. */
  replace<K extends EngineObjectKind>(kind: K, items: readonly ObjectsByKind[K][]): void {
    const map = this.maps[kind] as Map<string, ObjectsByKind[K]>;
    const observed = this.observed[kind];
    const at = this.now();
    map.clear();
    observed.clear();
    for (const item of items) {
      const key = objectKey(kind, item);
      map.set(key, item);
      observed.set(key, at);
    }
    this.loaded.add(kind);
    this.listedOnce.add(kind);
  }

  upsert<K extends EngineObjectKind>(kind: K, item: ObjectsByKind[K]): void {
    const key = objectKey(kind, item);
    (this.maps[kind] as Map<string, ObjectsByKind[K]>).set(key, item);
    this.observed[kind].set(key, this.now());
  }

  /** Removes by key; returns whether something was removed. */
  remove(kind: EngineObjectKind, key: string): boolean {
    this.observed[kind].delete(key);
    return this.maps[kind].delete(key);
  }

  /**
   * Marks a kind stale (e.g. while no view follows events): the next show lists it again, and
   * shows the stale copy meanwhile rather than an empty view.
   */
  invalidate(kind: EngineObjectKind): void {
    this.loaded.delete(kind);
  }

  /** Forgets everything, e.g. when another engine was chosen. */
  clear(): void {
    for (const map of Object.values(this.maps)) {
      map.clear();
    }
    for (const observed of Object.values(this.observed)) {
      observed.clear();
    }
    this.loaded.clear();
    this.listedOnce.clear();
  }
}
