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

/** The fields VS Code draws (the tooltip is resolved on hover, from the newest render: see `newest`). */
const drawnFields = ['label', 'description', 'contextValue', 'icon', 'iconColor', 'expanded', 'command'] as const;

export class StableTree {
  private roots: TreeItemModel[] = [];
  /** For each kept object, the render it last stood for (its tooltip may say more than its looks). */
  private readonly latest = new WeakMap<TreeItemModel, TreeItemModel>();

  constructor(private readonly keyOf: (model: TreeItemModel) => string) {}

  /** The items of the last render (the objects VS Code holds). */
  get items(): readonly TreeItemModel[] {
    return this.roots;
  }

  /** The newest render of a kept item (for its tooltip, built only when hovered). */
  newest(item: TreeItemModel): TreeItemModel {
    return this.latest.get(item) ?? item;
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

  /**
   * Moves the fresh fields onto the kept objects that look different (same shape), collecting them;
   * the others only remember their newest render (copying every item cost 6 ms per 1,000).
   */
  private adoptAll(kept: readonly TreeItemModel[], fresh: readonly TreeItemModel[], changed: TreeItemModel[]): void {
    kept.forEach((item, index) => {
      const other = fresh[index] as TreeItemModel;
      this.latest.set(item, other);
      const children = item.children;
      if (drawnFields.some((field) => item[field] !== other[field])) {
        changed.push(item);
        adopt(item, other);
        if (children) {
          // The kept object keeps its kept children: those are the objects VS Code holds.
          Object.defineProperty(item, 'children', { value: children, enumerable: true, configurable: true, writable: true });
        }
      }
      if (children && other.children) {
        this.adoptAll(children, other.children, changed);
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
