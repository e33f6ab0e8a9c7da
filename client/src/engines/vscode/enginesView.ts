/**
 * The Engines view: every engine in `berthwise.engine.selected` side by side, each with its own
 * state and version from its own connection, remote ones marked, the one the other views show
 * labelled; one click on a row shows that engine in every view. The view appears only while
 * engines are selected (context key), and asks nothing of an engine before it is visible.
 */
import * as vscode from 'vscode';
import { commandIds, viewIds } from '../../constants';
import { engineRows, type EngineRow } from '../engineRows';
import { readEngineSettings, type SettingsWatcher } from '../../settings';
import type { EngineWatch } from './engineWatch';

/** Context key: true while `berthwise.engine.selected` names at least one engine. */
export const enginesSelectedContextKey = 'berthwise.engine.someSelected';

const t = (message: string, ...args: string[]): string => vscode.l10n.t(message, ...args);

class EnginesTreeProvider implements vscode.TreeDataProvider<EngineRow> {
  private readonly changed = new vscode.EventEmitter<undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly watch: EngineWatch) {}

  refresh(): void {
    this.changed.fire(undefined);
  }

  getChildren(element?: EngineRow): EngineRow[] {
    if (element) {
      return [];
    }
    this.watch.start();
    return engineRows(this.watch.health, t);
  }

  getTreeItem(row: EngineRow): vscode.TreeItem {
    const item = new vscode.TreeItem(row.label, vscode.TreeItemCollapsibleState.None);
    item.id = row.name;
    item.description = row.description;
    item.tooltip = row.tooltip;
    item.iconPath = 'color' in row.icon ? new vscode.ThemeIcon(row.icon.id, new vscode.ThemeColor(row.icon.color)) : new vscode.ThemeIcon(row.icon.id);
    item.contextValue = row.contextValue;
    item.accessibilityInformation = { label: `${row.label}, ${row.description}` };
    if (!row.shown) {
      item.command = { command: commandIds.showEngine, title: t('Show This Engine'), arguments: [row.name] };
    }
    return item;
  }

  dispose(): void {
    this.changed.dispose();
  }
}

export function registerEnginesView(watch: EngineWatch, settings: SettingsWatcher): vscode.Disposable {
  const provider = new EnginesTreeProvider(watch);
  const view = vscode.window.createTreeView(viewIds.engines, { treeDataProvider: provider });
  const updateContext = (): void => void vscode.commands.executeCommand('setContext', enginesSelectedContextKey, readEngineSettings().selected.length > 0);
  updateContext();
  return vscode.Disposable.from(
    provider,
    view,
    watch.onDidChange(() => provider.refresh()),
    settings.onDidChange((change) => {
      if (change.changed.has('engineSelected')) {
        updateContext();
      }
    }),
  );
}
