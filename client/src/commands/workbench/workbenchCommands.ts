/** Commands about Berthwise itself: refresh the explorer, show its log, open the engine settings, restart the language server. */
import * as vscode from 'vscode';
import { commandIds } from '../../constants';
import { registerGuarded } from '../boundary';
import type { CommandDeps } from '../deps';

export function registerWorkbenchCommands(deps: CommandDeps): vscode.Disposable[] {
  return [
    registerGuarded(deps, commandIds.refreshExplorer, () => Promise.resolve(deps.refresh())),
    registerGuarded(deps, commandIds.showEngineLog, () => Promise.resolve(deps.log.show())),
    registerGuarded(deps, commandIds.openEngineSettings, () => Promise.resolve(vscode.commands.executeCommand('workbench.action.openSettings', 'berthwise.engine'))),
    registerGuarded(deps, commandIds.restartLanguageServer, () => deps.restartLanguageServer()),
  ];
}
