import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { languageId } from '../constants';

/** Starts the bundled Dockerfile language server (the same `dist/server.js` that runs standalone). */
export async function startLanguageClient(context: vscode.ExtensionContext): Promise<LanguageClient> {
  const serverModule = vscode.Uri.joinPath(context.extensionUri, 'dist', 'server.js').fsPath;
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: languageId },
      { scheme: 'untitled', language: languageId },
      { scheme: 'vscode-remote', language: languageId },
    ],
    initializationOptions: {},
  };
  const client = new LanguageClient('dockhand.language', 'Dockhand Dockerfile', serverOptions, clientOptions);
  await client.start();
  return client;
}
