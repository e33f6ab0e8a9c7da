import * as vscode from 'vscode';
import { commandIds, settingIds } from '../constants';
import type { SortOrder } from './descriptors';

/** The explorer's own view commands: toggle Compose grouping and choose the sort order (both write user settings). */
export function registerExplorerCommands(): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand(commandIds.toggleComposeGrouping, async () => {
      const config = vscode.workspace.getConfiguration();
      await config.update(settingIds.explorerGroupByCompose, !config.get<boolean>(settingIds.explorerGroupByCompose, true), vscode.ConfigurationTarget.Global);
    }),
    vscode.commands.registerCommand(commandIds.chooseSortOrder, async () => {
      const current = vscode.workspace.getConfiguration().get<string>(settingIds.explorerSortBy, 'name');
      const choices: { label: string; value: SortOrder }[] = [
        { label: vscode.l10n.t('Name'), value: 'name' },
        { label: vscode.l10n.t('Created (newest first)'), value: 'created' },
        { label: vscode.l10n.t('State (running first)'), value: 'state' },
      ];
      const picked = await vscode.window.showQuickPick(
        choices.map((choice) => ({ ...choice, description: choice.value === current ? vscode.l10n.t('current') : undefined })),
        { placeHolder: vscode.l10n.t('Sort the Docker explorer by') },
      );
      if (picked) {
        await vscode.workspace.getConfiguration().update(settingIds.explorerSortBy, picked.value, vscode.ConfigurationTarget.Global);
      }
    }),
  );
}
