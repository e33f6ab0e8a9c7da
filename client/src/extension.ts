/**
 * Wiring only: builds the pieces in activate() and connects them. Activation is lazy (on the
 * Dockerfile language or on opening a Dockhand view) and makes no engine call; the views ask the
 * engine only once VS Code renders them.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { commandIds, viewIds } from './constants';
import { EngineSession } from './engineSession';
import { containerDescriptor, imageDescriptor, networkDescriptor, volumeDescriptor, type ResourceDescriptor, type TreeItemModel } from './explorer/descriptors';
import { ResourceTreeProvider } from './explorer/resourceTreeProvider';
import { startLanguageClient } from './language/startLanguageClient';
import { createEngineStatusItem } from './status/engineStatusItem';

/** What activate() returns: a small API the integration tests use to observe the extension. */
export interface DockhandApi {
  readonly languageClient: () => LanguageClient | undefined;
}

let languageClient: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<DockhandApi> {
  const log = vscode.window.createOutputChannel('Dockhand', { log: true });
  const session = new EngineSession(log);
  context.subscriptions.push(log, session, createEngineStatusItem(session));

  const providers = registerViews(context, session, log);
  const refreshAll = (): void => providers.forEach((provider) => provider.refresh());
  context.subscriptions.push(
    session.onDidChangeEngine(refreshAll),
    vscode.commands.registerCommand(commandIds.refreshExplorer, refreshAll),
    vscode.commands.registerCommand(commandIds.showEngineLog, () => log.show()),
    vscode.commands.registerCommand(commandIds.openEngineSettings, () =>
      vscode.commands.executeCommand('workbench.action.openSettings', 'dockhand.engine'),
    ),
    vscode.commands.registerCommand(commandIds.restartLanguageServer, async () => {
      await languageClient?.restart();
    }),
  );

  try {
    languageClient = await startLanguageClient(context);
  } catch (error) {
    log.error(`The Dockerfile language server did not start: ${error instanceof Error ? error.message : String(error)}`);
  }
  return { languageClient: () => languageClient };
}

function registerViews(context: vscode.ExtensionContext, session: EngineSession, log: vscode.LogOutputChannel): { refresh(): void }[] {
  const register = <T>(viewId: string, descriptor: ResourceDescriptor<T>): { refresh(): void } => {
    // The provider reports failures through the view's message line; the view exists before any
    // getChildren() call, so the callback never runs before `view` is assigned.
    const provider = new ResourceTreeProvider(descriptor, session, log, (message) => {
      view.message = message;
    });
    const view: vscode.TreeView<TreeItemModel> = vscode.window.createTreeView(viewId, { treeDataProvider: provider, canSelectMany: true });
    context.subscriptions.push(view, provider);
    return provider;
  };
  return [
    register(viewIds.containers, containerDescriptor),
    register(viewIds.images, imageDescriptor),
    register(viewIds.volumes, volumeDescriptor),
    register(viewIds.networks, networkDescriptor),
  ];
}

export async function deactivate(): Promise<void> {
  await languageClient?.stop();
  languageClient = undefined;
}
