/**
 * Wiring only: builds the pieces in activate() and connects them. Activation is lazy (on the
 * Dockerfile language or on opening a Berthwise view) and makes no engine call; the views ask the
 * engine only once VS Code renders them.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { registerCommands } from './commands';
import { createEngine } from './engine/engine';
import type { EngineObjectKind } from './engine/types';
import { EngineSession } from './engines/vscode/engineSession';
import type { EngineHealth } from './engines/engineMonitor';
import { EngineRegistry } from './engines/engineRegistry';
import { registerEnginesView } from './engines/vscode/enginesView';
import { createEngineWatch } from './engines/vscode/engineWatch';
import type { TreeItemModel } from './explorer/descriptors';
import { createExplorer } from './explorer/vscode/explorerViews';
import { startLanguageClient } from './language/vscode/startLanguageClient';
import { requestBuildOutline } from './language/vscode/buildOutline';
import { registerBuildFeature } from './build/buildFeature';
import { redactingLog } from './log/redactingLog';
import { SettingsWatcher } from './settings';
import { createEngineStatusItem } from './engines/vscode/engineStatusItem';

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
  const settings = new SettingsWatcher();
  // The one owner of engine objects: one connection and one event stream per endpoint.
  const registry = new EngineRegistry((endpoint, connection) => createEngine(endpoint, connection.timeoutMs, connection.transport));
  const session = new EngineSession(registry, settings, log);
  const engineWatch = createEngineWatch(session, registry, settings, log);
  context.subscriptions.push(log, settings, { dispose: () => registry.dispose() }, session, engineWatch);
  context.subscriptions.push(createEngineStatusItem(session, engineWatch), registerEnginesView(engineWatch, settings));

  const explorer = createExplorer(session, settings, log);
  context.subscriptions.push(explorer);
  const commandDeps = {
    engine: () => session.engine,
    registry,
    log,
    refresh: () => void explorer.refresh(),
    reveal: (kind: EngineObjectKind, id: string) => explorer.reveal(kind, id),
    restartLanguageServer: async () => {
      await languageClient?.restart();
    },
  };
  registerCommands(context, commandDeps);
  // Build Image asks the language server for the Dockerfile's stages and ARGs (one model, on the server).
  const buildOutline = async (uri: vscode.Uri) => requestBuildOutline(languageClient ?? (await languageClientStart), uri);
  context.subscriptions.push(...registerBuildFeature({ ...commandDeps, context }, buildOutline));

  // The server starts in the background: activation (and with it the first paint of the views)
  // does not wait for a child process; the client queues requests until the server is up. Even
  // loading vscode-languageclient (a bundle of its own) waits until activate() has returned.
  languageClientStart = afterActivation(() => startLanguageClient(context, { engine: () => session.engine, settings, log })).then(
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
