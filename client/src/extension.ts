/**
 * Wiring only: builds the pieces in activate() and connects them. Activation is lazy (on the
 * Dockerfile language or on opening a Berthwise view) and makes no engine call; the views ask the
 * engine only once VS Code renders them.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { registerCommands } from './commands';
import { registerEngineDoctor } from './commands/engine/engineDoctor';
import { registerPickEngine } from './commands/engine/pickEngine';
import { commandIds } from './constants';
import type { EngineObjectKind } from './engine/types';
import { EngineSession } from './engineSession';
import type { EngineHealth } from './engines/engineMonitor';
import { registerEnginesView } from './engines/enginesView';
import { createEngineWatch } from './engines/engineWatch';
import type { TreeItemModel } from './explorer/descriptors';
import { registerExplorerCommands } from './explorer/explorerCommands';
import { createExplorer } from './explorer/explorerViews';
import { startLanguageClient } from './language/startLanguageClient';
import { requestBuildOutline } from './language/buildOutline';
import { registerBuildFeature } from './build/buildFeature';
import { redactingLog } from './log/redactingLog';
import { createEngineStatusItem } from './status/engineStatusItem';

/** What activate() returns: a small API the integration tests use to observe the extension. */
export interface BerthwiseApi {
  readonly languageClient: () => LanguageClient | undefined;
  /** The top-level items a Docker explorer view shows right now. */
  readonly explorerItems: (kind: EngineObjectKind) => TreeItemModel[];
  /** Reachability of every engine in `berthwise.engine.selected`, each on its own connection. */
  readonly engineHealth: () => readonly EngineHealth[];
}

let languageClient: LanguageClient | undefined;
let languageClientStart: Promise<LanguageClient | undefined> | undefined;

export function activate(context: vscode.ExtensionContext): BerthwiseApi {
  // Every message passes through secret redaction (env values, URL credentials, keys, auth headers).
  const log = redactingLog(vscode.window.createOutputChannel('Berthwise', { log: true }));
  const session = new EngineSession(log);
  const engineWatch = createEngineWatch(session, log);
  context.subscriptions.push(log, session, engineWatch, createEngineStatusItem(session, engineWatch), registerEnginesView(engineWatch, log));

  const explorer = createExplorer(session, log);
  const refreshAll = (): void => void explorer.refresh();
  context.subscriptions.push(explorer, registerExplorerCommands());
  registerCommands(context, { engine: () => session.engine, log, refresh: refreshAll, reveal: (kind, id) => explorer.reveal(kind, id) });
  const engineCommandDeps = { context, engine: () => session.engine, log, refresh: refreshAll, reveal: (kind: EngineObjectKind, id: string) => explorer.reveal(kind, id) };
  context.subscriptions.push(registerEngineDoctor(engineCommandDeps), registerPickEngine(engineCommandDeps));
  context.subscriptions.push(...registerBuildFeature(engineCommandDeps, async (uri) => requestBuildOutline(languageClient ?? (await languageClientStart), uri)));
  context.subscriptions.push(
    vscode.commands.registerCommand(commandIds.refreshExplorer, refreshAll),
    vscode.commands.registerCommand(commandIds.showEngineLog, () => log.show()),
    vscode.commands.registerCommand(commandIds.openEngineSettings, () =>
      vscode.commands.executeCommand('workbench.action.openSettings', 'berthwise.engine'),
    ),
    vscode.commands.registerCommand(commandIds.restartLanguageServer, async () => {
      await languageClient?.restart();
    }),
  );

  // The server starts in the background: activation (and with it the first paint of the views)
  // does not wait for a child process; the client queues requests until the server is up. Even
  // loading vscode-languageclient (a bundle of its own) waits until activate() has returned.
  languageClientStart = afterActivation(() => startLanguageClient(context, { engine: () => session.engine, log })).then(
    (client) => (languageClient = client),
    (error: unknown) => {
      log.error(`The Dockerfile language server did not start: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    },
  );
  return { languageClient: () => languageClient, explorerItems: (kind) => explorer.items(kind), engineHealth: () => engineWatch.health };
}

/** Runs `work` once the current turn (activate()) is over. */
function afterActivation<T>(work: () => Promise<T>): Promise<T> {
  return new Promise<void>((resolve) => setImmediate(resolve)).then(work);
}

export async function deactivate(): Promise<void> {
  // A server still starting is waited for, so it is stopped rather than orphaned.
  const client = languageClient ?? (await languageClientStart);
  await client?.stop();
  languageClient = undefined;
  languageClientStart = undefined;
}
