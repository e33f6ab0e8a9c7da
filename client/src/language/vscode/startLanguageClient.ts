import * as vscode from 'vscode';
import type { LanguageClient, LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';
import { buildContextsNotification, imageConfigRequest, localImagesRequest, type ImageConfigParams, type ImageConfigResult, type LocalImagesResult } from '../../../../server/src/protocol';
import { languageId } from '../../constants';
import type { Engine } from '../../engine/engine';
import { readBuildContexts, type SettingsWatcher } from '../../settings';
import { resolveBuildContexts } from '../buildContexts';
import { languageClientLibrary } from './clientLibraryLoader';
import { answerImageConfig, answerLocalImages, type EngineQuestionDeps } from '../engineQuestions';

/** What the language client needs from the rest of the extension. */
export interface LanguageClientDeps {
  /** The engine, for the server's questions about local base images. */
  readonly engine: () => Engine;
  /** Tells the server when `berthwise.diagnostics` changed, so it pulls it again per document. */
  readonly settings: SettingsWatcher;
  readonly log: vscode.LogOutputChannel;
}

/** Starts the bundled Dockerfile language server (the same `dist/server.js` that runs standalone). */
export async function startLanguageClient(context: vscode.ExtensionContext, deps: LanguageClientDeps): Promise<LanguageClient> {
  const library = languageClientLibrary();
  const serverModule = vscode.Uri.joinPath(context.extensionUri, 'dist', 'server.js').fsPath;
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: library.TransportKind.ipc },
    debug: { module: serverModule, transport: library.TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const dockerignoreWatcher = vscode.workspace.createFileSystemWatcher('**/{.dockerignore,*.dockerignore}');
  context.subscriptions.push(dockerignoreWatcher);
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: languageId },
      { scheme: 'untitled', language: languageId },
      { scheme: 'vscode-remote', language: languageId },
    ],
    // No settings travel at start or with a change: `berthwise.diagnostics` is resource-scoped, and
    // the server pulls it per document (workspace/configuration with the document as scope), so each
    // workspace folder's value applies to the Dockerfiles in it.
    // `.dockerignore` changes re-check COPY/ADD sources (CopyIgnoredFile).
    synchronize: { fileEvents: dockerignoreWatcher },
  };
  const client = new library.LanguageClient('berthwise.language', 'Berthwise Dockerfile', serverOptions, clientOptions);
  const questions: EngineQuestionDeps = { engine: deps.engine, isTrusted: () => vscode.workspace.isTrusted, debug: (message) => deps.log.debug(message) };
  client.onRequest(imageConfigRequest, (params: ImageConfigParams): Promise<ImageConfigResult | null> => answerImageConfig(params, questions));
  client.onRequest(localImagesRequest, (): Promise<LocalImagesResult | null> => answerLocalImages(questions));
  // The server remembers "unknown" base images for its lifetime; once the user trusts the
  // workspace, a restart lets it ask again and get real answers.
  context.subscriptions.push(vscode.workspace.onDidGrantWorkspaceTrust(() => void client.restart()));
  context.subscriptions.push(
    deps.settings.onDidChange((change) => {
      if (change.affects('diagnostics') && client.isRunning()) {
        void client.sendNotification(library.DidChangeConfigurationNotification.type, { settings: null });
      }
    }),
  );
  await client.start();
  // Where each Dockerfile's build context is, for the server's `.dockerignore` check.
  const sendBuildContexts = (): void => {
    if (!client.isRunning()) {
      return;
    }
    const folders = vscode.workspace.workspaceFolders ?? [];
    const settings = folders.map((folder) => ({ folder: folder.uri.fsPath, value: readBuildContexts(folder.uri) }));
    client.sendNotification(buildContextsNotification, resolveBuildContexts(settings)).catch((error: unknown) => deps.log.debug(`buildContexts: ${String(error)}`));
  };
  sendBuildContexts();
  context.subscriptions.push(
    // A restarted server (see above) starts without them.
    client.onDidChangeState(() => sendBuildContexts()),
    deps.settings.onDidChange((change) => change.affects('buildContexts') && sendBuildContexts()),
    vscode.workspace.onDidChangeWorkspaceFolders(() => sendBuildContexts()),
  );
  return client;
}
