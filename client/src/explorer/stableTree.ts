/**
 * Keeps the objects a tree view shows the same from one render to the next, so that a change can be
 * sent to VS Code for the items that changed instead of for the whole tree.
 *
 * Why: when a tree data provider refreshes its root, VS Code's extension host forgets every item it
 * handed out until the view has asked for the children again. A context-menu command that runs in
 * that moment receives no item (observed: "Open Shell in Container" chosen from the menu while an
 * engine event re-rendered the containers view opened the container picker instead). Engine events
 * mostly change an object's state or status text, not which objects there are, so most renders now
 * update items in place: their identity, and VS Code's handles for them, survive.
 *
 * Pure (no `vscode` import): `render` says what to tell VS Code; resourceTreeProvider.ts tells it.
 */
import type { TreeItemModel } from './descriptors';

/** What VS Code must hear after a render. */
export type TreeChange =
  /** Nothing it shows changed. */
  | { readonly kind: 'none' }
  /** Items were added, removed or reordered somewhere: refresh the whole tree. */
  | { readonly kind: 'all' }
  /** Only these items look different (the same objects as before, updated in place). */
  | { readonly kind: 'items'; readonly items: readonly TreeItemModel[] };

/** The fields VS Code draws (the tooltip is resolved on hover and always taken from the newest render). */
const drawnFields = ['label', 'description', 'contextValue', 'icon', 'iconColor', 'expanded', 'command'] as const;

export class StableTree {
  private roots: TreeItemModel[] = [];

  constructor(private readonly keyOf: (model: TreeItemModel) => string) {}

  /** The items of the last render (the objects VS Code holds). */
  get items(): readonly TreeItemModel[] {
    return this.roots;
  }

  /** Takes a new render; keeps the previous objects when the shape is the same. */
  render(fresh: readonly TreeItemModel[]): TreeChange {
    if (!this.sameShape(this.roots, fresh)) {
      this.roots = [...fresh];
      return { kind: 'all' };
    }
    const changed: TreeItemModel[] = [];
    this.adoptAll(this.roots, fresh, changed);
    return changed.length === 0 ? { kind: 'none' } : { kind: 'items', items: changed };
  }

  /** The same keys in the same order at every level. */
  private sameShape(kept: readonly TreeItemModel[] | undefined, fresh: readonly TreeItemModel[] | undefined): boolean {
    if (kept === undefined || fresh === undefined) {
      return kept === fresh;
    }
    if (kept.length !== fresh.length) {
      return false;
    }
    return kept.every((item, index) => {
      const other = fresh[index] as TreeItemModel;
      return this.keyOf(item) === this.keyOf(other) && this.sameShape(item.children, other.children);
    });
  }

  /** Moves the fresh fields onto the kept objects (same shape), collecting those that look different. */
  private adoptAll(kept: readonly TreeItemModel[], fresh: readonly TreeItemModel[], changed: TreeItemModel[]): void {
    kept.forEach((item, index) => {
      const other = fresh[index] as TreeItemModel;
      if (drawnFields.some((field) => item[field] !== other[field])) {
        changed.push(item);
      }
      const children = item.children;
      adopt(item, other);
      if (children && other.children) {
        this.adoptAll(children, other.children, changed);
        // The kept object keeps its kept children: those are the objects VS Code holds.
        Object.defineProperty(item, 'children', { value: children, enumerable: true, configurable: true, writable: true });
      }
    });
  }
}

/** Gives `kept` exactly the properties of `fresh`, accessors included (a lazy tooltip stays lazy). */
function adopt(kept: TreeItemModel, fresh: TreeItemModel): void {
  const target = kept as unknown as Record<string, unknown>;
  for (const key of Object.keys(kept)) {
    if (!(key in fresh)) {
      delete target[key];
    }
  }
  Object.defineProperties(kept, Object.getOwnPropertyDescriptors(fresh));
}
