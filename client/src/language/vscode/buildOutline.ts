/** Asks the language server for a Dockerfile's build outline (`berthwise/buildOutline`). */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { buildOutlineRequest, type BuildOutlineParams, type BuildOutlineResult } from '../../../../server/src/protocol';

/** The server learns about a document just opened a moment later (didOpen); this bounds the wait. */
const openDeadlineMs = 5000;
const pollMs = 50;

/**
 * The outline of `uri` from the one model the server keeps. The document is opened first so the
 * server has it; null when the server is not running or never sees the document.
 */
export async function requestBuildOutline(client: LanguageClient | undefined, uri: vscode.Uri): Promise<BuildOutlineResult | null> {
  if (!client) {
    return null;
  }
  await vscode.workspace.openTextDocument(uri);
  const params: BuildOutlineParams = { uri: client.code2ProtocolConverter.asUri(uri) };
  const deadline = Date.now() + openDeadlineMs;
  for (;;) {
    const outline = await client.sendRequest<BuildOutlineResult | null>(buildOutlineRequest, params);
    if (outline || Date.now() > deadline) {
      return outline;
    }
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}
