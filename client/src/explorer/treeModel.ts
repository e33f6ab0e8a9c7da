/**
 * Pure: the shapes every tree descriptor shares (one descriptor per resource kind, in its own file)
 * that turn the explorer's copy of the engine objects into plain tree-item models. No `vscode`
 * import, so the mapping is tested in plain Node.
 */
import type { Engine } from '../engine/engine';
import type { ContainerSummary } from '../engine/types';
import type { ExplorerSnapshot, ObjectsByKind } from './explorerState';

export type ResourceKind = 'container' | 'image' | 'volume' | 'network';

/** What a tree item shows, independent of the VS Code API. */
export interface TreeItemModel {
  /** The engine id (container id, image id, volume name, network id); a group's own key for groups. */
  readonly id: string;
  readonly label: string;
  readonly description: string;
  readonly tooltip: string;
  /** `<kind>.<state>` so menus can depend on kind and state (`composeProject`, `imageRepository` for groups). */
  readonly contextValue: string;
  /** A codicon id. */
  readonly icon: string;
  /** A theme colour id for the icon (e.g. `charts.green` for running containers). */
  readonly iconColor?: string;
  /** Unique in the tree when one object shows more than once (an image under two repositories). */
  readonly treeId?: string;
  readonly children?: readonly TreeItemModel[];
  /** Whether a node with children starts expanded (groups) or collapsed (an object's details). */
  readonly expanded?: boolean;
  /** A command id run when the item is clicked (the actions under an inline error). */
  readonly command?: string;
}

export type SortOrder = 'name' | 'created' | 'state';

/** Formats a user-visible message with `{0}` placeholders; the views pass `vscode.l10n.t`. */
export type Translate = (message: string, ...args: (string | number)[]) => string;

export interface ViewOptions {
  readonly groupContainersByComposeProject: boolean;
  readonly sortBy: SortOrder;
  /** Now, in ms since the epoch (injected so ages are testable). */
  readonly now: number;
  readonly t: Translate;
  /**
   * Told the age (ms) of every relative time a render shows ("Up 2 minutes", an image's `3d`), so
   * the view knows when its texts next change and can render them again then.
   */
  readonly onRelativeTime?: (ageMs: number) => void;
  /** When a container's status text was read from the engine (ms since the epoch); without it the text shows as read. */
  readonly statusObservedAt?: (containerId: string) => number | undefined;
}

/** Everything the explorer does differently per resource kind: listing, lookup and rendering. */
export interface ResourceDescriptor<K extends ResourceKind = ResourceKind> {
  readonly kind: K;
  /** Every object of the kind: one engine call. */
  list(engine: Engine, signal: AbortSignal): Promise<ObjectsByKind[K][]>;
  /** One object after an event about it, or undefined when it is gone: one engine call. */
  find(engine: Engine, id: string, signal: AbortSignal): Promise<ObjectsByKind[K] | undefined>;
  /** The keys the explorer may hold an object under when an event names it by `id`. */
  keysOf(id: string): readonly string[];
  /** The title of the inline error when listing failed. */
  failureTitle(t: Translate): string;
  /**
   * What this view shows of one container, or undefined when the container does not appear in it
   * (views of other kinds cross-reference containers): a container change re-renders the view
   * only when this changed for some container. Absent on the containers view itself.
   */
  containerFacts?(container: ContainerSummary): string | undefined;
  /** The whole tree of one view from the explorer's copy of the objects. */
  buildTree(snapshot: ExplorerSnapshot, options: ViewOptions): TreeItemModel[];
}
