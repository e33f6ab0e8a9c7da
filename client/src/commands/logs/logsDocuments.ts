/**
 * Read-only logs documents: `berthwise-logs:/<name> logs?<container id>`. A content provider of the
 * extension's own, so the tab is titled by the container, nothing asks to be saved on close, and
 * "Refresh" reads the logs again.
 */
import * as vscode from 'vscode';
import { settingIds } from '../../constants';
import type { Engine } from '../../engine/engine';
import { readLogSettings } from '../../settings';
import { logDocumentText, logLines } from './logDocumentText';
import { normaliseTail, parseSince } from './logOptions';

export const logsScheme = 'berthwise-logs';

/** The document address of one container's logs (the name makes the tab readable; the id is the key). */
export function logsUri(containerId: string, name: string): vscode.Uri {
  const title = vscode.l10n.t('{0} logs', name.replace(/[/\\?#]+/g, '_').slice(0, 60) || containerId.slice(0, 12));
  return vscode.Uri.from({ scheme: logsScheme, path: `/${title}`, query: encodeURIComponent(containerId) });
}

export class LogsDocumentProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changes = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changes.event;

  constructor(private readonly engine: () => Engine) {}

  async provideTextDocumentContent(uri: vscode.Uri, token: vscode.CancellationToken): Promise<string> {
    const controller = new AbortController();
    token.onCancellationRequested(() => controller.abort());
    const written = readLogSettings();
    const tail = normaliseTail(written.tail);
    const since = parseSince(written.since, Math.floor(Date.now() / 1000)) ?? 0;
    try {
      // The whole log (bounded in bytes by the engine module), so the note can count what the tail leaves out.
      const { tty, data, droppedBytes } = await this.engine().readLogs(
        decodeURIComponent(uri.query),
        { timestamps: written.timestamps, tail: 'all', since },
        { signal: controller.signal },
      );
      return logDocumentText({ lines: logLines(data, tty), tail, droppedBytes, tailSetting: settingIds.logsTail }, (message, ...args) => vscode.l10n.t(message, ...args));
    } catch (error) {
      // The document stays readable and says why, instead of an empty editor.
      return `${vscode.l10n.t('[the logs could not be read: {0}]', error instanceof Error ? error.message : String(error))}\n`;
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
