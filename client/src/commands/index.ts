/**
 * The command table: every Berthwise command is registered here, each through the one error
 * boundary (commands/boundary.ts), so none can fail without an actionable message or a log line.
 */
import type * as vscode from 'vscode';
import { registerContainerCommands } from './container/containerCommands';
import { registerOpenPortCommand } from './container/openPort';
import type { CommandDeps } from './deps';
import { registerEngineDoctor } from './engine/engineDoctor';
import { registerPickEngine } from './engine/pickEngine';
import { registerShowEngine } from './engine/showEngine';
import { registerExecCommands } from './exec/execCommands';
import { registerExplorerViewCommands } from './explorer/viewCommands';
import { registerImageCommands } from './image/imageCommands';
import { registerRunImageCommand } from './image/runImage';
import { registerInspectCommands } from './inspect/inspectCommands';
import { registerLogsCommands } from './logs/logsCommands';
import { registerNetworkCommands } from './network/networkCommands';
import { registerPruneCommands } from './prune/pruneCommands';
import { registerVolumeCommands } from './volume/volumeCommands';
import { registerWorkbenchCommands } from './workbench/workbenchCommands';

export type { CommandDeps } from './deps';

type Registrar = (deps: CommandDeps) => vscode.Disposable | vscode.Disposable[];

/** Every area's commands; each registrar uses registerGuarded for each of its commands. */
const commandTable: readonly Registrar[] = [
  registerWorkbenchCommands,
  registerExplorerViewCommands,
  registerEngineDoctor,
  registerPickEngine,
  registerShowEngine,
  registerPruneCommands,
  registerContainerCommands,
  registerOpenPortCommand,
  registerImageCommands,
  registerRunImageCommand,
  registerVolumeCommands,
  registerNetworkCommands,
  registerInspectCommands,
  registerExecCommands,
  registerLogsCommands,
];

/** Registers every command and ties their lifetime to the extension. */
export function registerCommands(context: vscode.ExtensionContext, deps: Omit<CommandDeps, 'context'>): void {
  const full: CommandDeps = { ...deps, context };
  context.subscriptions.push(...commandTable.flatMap((register) => register(full)));
}
