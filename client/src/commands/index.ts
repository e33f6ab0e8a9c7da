/** Registers every object command (prune, lifecycle, inspect, exec, logs) from one place. */
import type * as vscode from 'vscode';
import { registerContainerCommands } from './container/containerCommands';
import { registerOpenPortCommand } from './container/openPort';
import type { CommandDeps } from './deps';
import { registerExecCommands } from './exec/execCommands';
import { registerImageCommands } from './image/imageCommands';
import { registerRunImageCommand } from './image/runImage';
import { registerInspectCommands } from './inspect/inspectCommands';
import { registerLogsCommands } from './logs/logsCommands';
import { registerNetworkCommands } from './network/networkCommands';
import { registerPruneCommands } from './prune/pruneCommands';
import { registerVolumeCommands } from './volume/volumeCommands';

export type { CommandDeps } from './deps';

/** Registers the commands and ties their lifetime to the extension. */
export function registerCommands(context: vscode.ExtensionContext, deps: Omit<CommandDeps, 'context'>): void {
  const full: CommandDeps = { ...deps, context };
  context.subscriptions.push(
    ...registerPruneCommands(full),
    ...registerContainerCommands(full),
    registerOpenPortCommand(full),
    ...registerImageCommands(full),
    registerRunImageCommand(full),
    ...registerVolumeCommands(full),
    ...registerNetworkCommands(full),
    ...registerInspectCommands(full),
    ...registerExecCommands(full),
    ...registerLogsCommands(full),
  );
}
