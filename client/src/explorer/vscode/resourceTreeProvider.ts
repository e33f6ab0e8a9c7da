import * as vscode from 'vscode';
import { commandIds } from '../../constants';
import type { EngineError } from '../../engine/errors';
import type { ResourceDescriptor, TreeItemModel, ViewOptions } from '../descriptors';
import type { ExplorerSnapshot } from '../explorerState';
import { nextTextChangeIn } from '../relativeTime';
import { StableTree } from '../stableTree';

/** Failures that mean "no engine": the welcome content explains them, so the tree stays empty. */
const connectionFailures = new Set(['unreachable', 'permissionDenied', 'timeout']);

/**
 * One tree view, rendered from the explorer's copy of the engine objects. It never calls the
 * engine: the refresh controller keeps the copy current and tells the provider when to re-render.
 */
export class ResourceTreeProvider implements vscode.TreeDataProvider<TreeItemModel>, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<TreeItemModel | TreeItemModel[] | undefined>();
  readonly onDidChangeTreeData = this.changeEmitter.event;
  private failure: EngineError | undefined;
  /** The items VS Code holds, kept as the same objects while only their looks change (stableTree.ts). */
  private readonly tree = new StableTree((model) => this.treeIdOf(model));
  /** Whether VS Code has asked for the top level since the last whole-tree refresh (else nothing shows it). */
  private shown = false;
  /** Whether `tree` was rendered from the current copy. */
  private upToDate = false;
  private nextChangeAt: number | undefined;

  constructor(
    private readonly descriptor: ResourceDescriptor,
    private readonly snapshot: ExplorerSnapshot,
    private readonly viewOptions: () => ViewOptions,
    private readonly onMessage: (message: string | undefined) => void,
    /** After every render: the relative-time ticker plans its next re-render from `nextTextChangeAt`. */
    private readonly onDidRender: () => void = () => undefined,
  ) {}

  /** When a relative time of the last render changes next (ms since the epoch); undefined when it shows none. */
  get nextTextChangeAt(): number | undefined {
    return this.nextChangeAt;
  }

  get kind(): ResourceDescriptor['kind'] {
    return this.descriptor.kind;
  }

  /**
   * Re-renders from the current copy (no engine call) and tells VS Code only what changed: the items
   * whose looks changed, or the whole tree when items were added, removed or reordered.
   */
  refresh(): void {
    if (!this.shown) {
      // Not on screen since the last whole refresh: it renders when VS Code asks.
      this.upToDate = false;
      this.changeEmitter.fire(undefined);
      return;
    }
    const change = this.tree.render(this.renderTopLevel());
    this.upToDate = true;
    if (change.kind === 'all') {
      this.shown = false;
      this.changeEmitter.fire(undefined);
    } else if (change.kind === 'items') {
      this.changeEmitter.fire([...change.items]);
    }
  }

  /** Shows a failure of this kind's last load, or clears it. */
  setFailure(error: EngineError | undefined): void {
    this.failure = error;
    this.onMessage(error?.message);
    this.refresh();
  }

  getTreeItem(model: TreeItemModel): vscode.TreeItem {
    const collapsible =
      model.children === undefined ? vscode.TreeItemCollapsibleState.None : model.expanded ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed;
    const item = new vscode.TreeItem(model.label, collapsible);
    item.id = this.treeIdOf(model);
    item.description = model.description;
    item.contextValue = model.contextValue;
    item.iconPath = new vscode.ThemeIcon(model.icon, model.iconColor ? new vscode.ThemeColor(model.iconColor) : undefined);
    if (model.command) {
      item.command = { command: model.command, title: model.label };
    }
    return item;
  }

  /** Tooltips are resolved on hover, so a thousand-item list does not build a thousand tooltips. */
  resolveTreeItem(item: vscode.TreeItem, model: TreeItemModel): vscode.TreeItem {
    item.tooltip = this.tree.newest(model).tooltip;
    return item;
  }

  getChildren(element?: TreeItemModel): TreeItemModel[] {
    if (element) {
      return [...(element.children ?? [])];
    }
    if (!this.upToDate) {
      this.tree.render(this.renderTopLevel());
      this.upToDate = true;
    }
    this.shown = true;
    return [...this.tree.items];
  }

  /** The item that holds `element` (VS Code needs it to reveal an item); undefined at the top level. */
  getParent(element: TreeItemModel): TreeItemModel | undefined {
    const key = this.treeIdOf(element);
    return this.getChildren().find((top) => top.children?.some((child) => this.treeIdOf(child) === key));
  }

  /** The item showing the engine object `id` (top level first, then one level down), if shown. */
  findObject(id: string): TreeItemModel | undefined {
    const top = this.getChildren();
    return top.find((item) => item.id === id) ?? top.flatMap((item) => item.children ?? []).find((item) => item.id === id);
  }

  private treeIdOf(model: TreeItemModel): string {
    return model.treeId ?? `${this.descriptor.kind}:${model.id}`;
  }

  /** Renders the top level, noting when its earliest relative time changes. */
  private renderTopLevel(): TreeItemModel[] {
    const options = this.viewOptions();
    let soonest: number | undefined;
    const items = this.buildTopLevel({
      ...options,
      onRelativeTime: (ageMs) => {
        const changeIn = nextTextChangeIn(ageMs);
        soonest = soonest === undefined ? changeIn : Math.min(soonest, changeIn);
      },
      statusObservedAt: (containerId) => this.snapshot.observedAt('container', containerId),
    });
    this.nextChangeAt = soonest === undefined ? undefined : options.now + soonest;
    this.onDidRender();
    return items;
  }

  private buildTopLevel(options: ViewOptions): TreeItemModel[] {
    if (this.failure) {
      // No engine: the welcome content explains it and offers the actions, so the tree stays empty.
      return connectionFailures.has(this.failure.kind) ? [] : [this.errorItem(this.failure)];
    }
    if (!this.snapshot.hasData(this.descriptor.kind) || (this.descriptor.kind !== 'container' && !this.snapshot.hasData('container'))) {
      return []; // still loading, or no engine: the welcome content says which
    }
    return this.descriptor.buildTree(this.snapshot, options);
  }

  /** A failure shown in place, with its actions as children: never a pop-up. */
  private errorItem(error: EngineError): TreeItemModel {
    const action = (id: string, label: string, command: string, icon: string): TreeItemModel => ({
      id: `error:${id}`,
      label,
      description: '',
      tooltip: label,
      contextValue: 'explorer.action',
      icon,
      command,
    });
    return {
      id: 'error',
      label: this.descriptor.failureTitle(this.viewOptions().t),
      description: error.message,
      tooltip: error.message,
      contextValue: 'explorer.error',
      icon: 'error',
      iconColor: 'errorForeground',
      expanded: true,
      children: [
        action('retry', vscode.l10n.t('Retry'), commandIds.refreshExplorer, 'refresh'),
        action('settings', vscode.l10n.t('Open Settings'), commandIds.openEngineSettings, 'settings-gear'),
        action('log', vscode.l10n.t('Show Logs'), commandIds.showEngineLog, 'output'),
      ],
    };
  }

  dispose(): void {
    this.changeEmitter.dispose();
  }
}
