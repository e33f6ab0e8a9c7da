import * as vscode from 'vscode';
import type { EngineSession } from '../engineSession';
import { EngineError } from '../engine/errors';
import type { ResourceDescriptor, TreeItemModel } from './descriptors';

/**
 * One tree view of engine objects. VS Code asks for children only while the view is visible, so
 * no engine call happens for a hidden view.
 */
export class ResourceTreeProvider<T> implements vscode.TreeDataProvider<TreeItemModel>, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<TreeItemModel | undefined>();
  readonly onDidChangeTreeData = this.changeEmitter.event;
  /** The message above the tree (set on failure); the view wires it to TreeView.message. */
  message: string | undefined;

  constructor(
    private readonly descriptor: ResourceDescriptor<T>,
    private readonly session: EngineSession,
    private readonly log: vscode.LogOutputChannel,
    private readonly onMessage: (message: string | undefined) => void,
  ) {}

  refresh(): void {
    this.changeEmitter.fire(undefined);
  }

  getTreeItem(model: TreeItemModel): vscode.TreeItem {
    const item = new vscode.TreeItem(model.label, vscode.TreeItemCollapsibleState.None);
    item.id = `${this.descriptor.kind}:${model.id}`;
    item.description = model.description;
    item.tooltip = model.tooltip;
    item.contextValue = model.contextValue;
    item.iconPath = new vscode.ThemeIcon(model.icon);
    return item;
  }

  async getChildren(element?: TreeItemModel): Promise<TreeItemModel[]> {
    if (element) {
      return [];
    }
    const controller = new AbortController();
    try {
      const items = await this.descriptor.list(this.session.engine, controller.signal);
      this.session.reportState('reachable');
      this.onMessage(undefined);
      return items.map((item) => this.descriptor.toModel(item));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.log.warn(`Listing ${this.descriptor.kind}s failed: ${message}`);
      const unreachable = error instanceof EngineError && (error.kind === 'unreachable' || error.kind === 'permissionDenied' || error.kind === 'timeout');
      if (unreachable) {
        this.session.reportState('unreachable');
      }
      this.onMessage(message);
      return [];
    }
  }

  dispose(): void {
    this.changeEmitter.dispose();
  }
}
