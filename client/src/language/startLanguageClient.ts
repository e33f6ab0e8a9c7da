import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { imageConfigRequest, localImagesRequest, type ImageConfigParams, type ImageConfigResult, type LocalImagesResult } from '../../../server/src/protocol';
import { languageId, settingIds } from '../constants';
import type { Engine } from '../engine/engine';
import { toImageConfigResult } from './imageConfigAnswer';

/** What the language client needs from the rest of the extension. */
export interface LanguageClientDeps {
  /** The engine, for the server's questions about local base images. */
  readonly engine: () => Engine;
  readonly log: vscode.LogOutputChannel;
}

/** Starts the bundled Dockerfile language server (the same `dist/server.js` that runs standalone). */
export async function startLanguageClient(context: vscode.ExtensionContext, deps: LanguageClientDeps): Promise<LanguageClient> {
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
    initializationOptions: { diagnostics: vscode.workspace.getConfiguration().get(settingIds.diagnostics) ?? {} },
    synchronize: { configurationSection: settingIds.diagnostics },
  };
  const client = new LanguageClient('dockhand.language', 'Dockhand Dockerfile', serverOptions, clientOptions);
  client.onRequest(imageConfigRequest, (params: ImageConfigParams) => answerImageConfig(params, deps));
  client.onRequest(localImagesRequest, () => answerLocalImages(deps));
  await client.start();
  return client;
}

/**
 * Looks a base image up on the engine so CMD/ENTRYPOINT diagnostics can account for what it
 * inherits. In an untrusted workspace nothing goes to the engine because of what a Dockerfile
 * says: the server then treats every external base image as unknown.
 */
async function answerImageConfig(params: ImageConfigParams, deps: LanguageClientDeps): Promise<ImageConfigResult | null> {
  if (!vscode.workspace.isTrusted || typeof params.image !== 'string' || params.image === '') {
    return null;
  }
  try {
    return toImageConfigResult(await deps.engine().inspect('image', params.image, { timeoutMs: 3000 }));
  } catch (error) {
    deps.log.debug(`Base image ${params.image} not inspected: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  }
}

/** The local image tags for `COPY --from=` completion; the user asked for completion, not the file. */
async function answerLocalImages(deps: LanguageClientDeps): Promise<LocalImagesResult | null> {
  try {
    const images = await deps.engine().listImages({ timeoutMs: 3000 });
    return { images: [...new Set(images.flatMap((image) => image.repoTags))].sort() };
  } catch (error) {
    deps.log.debug(`Local images not listed for completion: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  }
}
