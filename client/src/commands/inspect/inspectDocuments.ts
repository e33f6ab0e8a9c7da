/**
 * Read-only inspect documents: `berthwise-inspect:/<kind>/<label>.json?<id>`. The content comes from
 * the engine each time VS Code asks; "Refresh" fires a change so the open editor reloads.
 */
import * as vscode from 'vscode';
import type { Engine } from '../../engine/engine';
import type { InspectKind } from '../../engine/resources/inspect';

export const inspectScheme = 'berthwise-inspect';

const kinds: readonly InspectKind[] = ['container', 'image', 'volume', 'network'];

/** The document address of one object (the label only makes the tab readable; the id is the key). */
export function inspectUri(kind: InspectKind, id: string, label: string): vscode.Uri {
  const safeLabel = label.replace(/[^\w.-]+/g, '_').slice(0, 60) || 'object';
  return vscode.Uri.from({ scheme: inspectScheme, path: `/${kind}/${safeLabel}.json`, query: encodeURIComponent(id) });
}

export class InspectDocumentProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changes = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changes.event;

  constructor(private readonly engine: () => Engine) {}

  async provideTextDocumentContent(uri: vscode.Uri, token: vscode.CancellationToken): Promise<string> {
    const kind = kinds.find((k) => uri.path.startsWith(`/${k}/`));
    if (!kind) {
      return '{}';
    }
    const controller = new AbortController();
    token.onCancellationRequested(() => controller.abort());
    try {
      const json = await this.engine().inspect(kind, decodeURIComponent(uri.query), { signal: controller.signal });
      return `${JSON.stringify(json, null, 2)}\n`;
    } catch (error) {
      // The document stays readable and says why, instead of an empty editor.
      return `${JSON.stringify({ error: error instanceof Error ? error.message : String(error) }, null, 2)}\n`;
    }
  }

  /** Asks VS Code to read the document again. */
  refresh(uri: vscode.Uri): void {
    this.changes.fire(uri);
  }

  dispose(): void {
    this.changes.dispose();
  }
}
