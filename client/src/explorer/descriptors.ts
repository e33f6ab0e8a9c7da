/**
 * Pure: shared shapes and helpers of the tree descriptors (one per resource kind, in their own
 * files) that turn the explorer's copy of the engine objects into plain tree-item models.
 * No `vscode` import, so the mapping is tested in plain Node.
 */
import type { ExplorerSnapshot } from './explorerState';

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

export interface ResourceDescriptor {
  readonly kind: ResourceKind;
  /** The whole tree of one view from the explorer's copy of the objects. */
  buildTree(snapshot: ExplorerSnapshot, options: ViewOptions): TreeItemModel[];
}

export { appendTo, formatOnly, shortId, formatBytes, formatAge, formatDate, sortModels } from './format';
export { containerDescriptor } from './containersDescriptor';
export { imageDescriptor } from './imagesDescriptor';
export { volumeDescriptor } from './volumesDescriptor';
export { networkDescriptor } from './networksDescriptor';
