/** The explorer's own view commands: toggle Compose grouping and choose the sort order (both write user settings). */
import * as vscode from 'vscode';
import { commandIds } from '../../constants';
import type { SortOrder } from '../../explorer/descriptors';
import { readExplorerSettings, writeExplorerSetting } from '../../settings';
import { registerGuarded } from '../boundary';
import type { CommandDeps } from '../deps';

export function registerExplorerViewCommands(deps: CommandDeps): vscode.Disposable[] {
  return [
    registerGuarded(deps, commandIds.toggleComposeGrouping, async () => {
      await writeExplorerSetting('groupContainersByComposeProject', !readExplorerSettings().groupContainersByComposeProject);
    }),
    registerGuarded(deps, commandIds.chooseSortOrder, async () => {
      const current = readExplorerSettings().sortBy;
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
        await writeExplorerSetting('sortBy', picked.value);
      }
    }),
  ];
}
