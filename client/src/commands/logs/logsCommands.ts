/** Logs commands: follow in a terminal (across restarts) and a read-only snapshot document with refresh. */
import * as vscode from 'vscode';
import { commandIds, settingIds } from '../../constants';
import { readLogSettings } from '../../settings';
import { LogsTerminal } from '../../terminal/logsTerminal';
import { registerGuarded } from '../boundary';
import type { CommandDeps } from '../deps';
import { resolveTargets } from '../targets';
import { normaliseTail, parseSince } from './logOptions';
import { LogsDocumentProvider, logsScheme, logsUri } from './logsDocuments';

interface LogSettings {
  readonly tail: number | 'all';
  readonly since: number;
  readonly timestamps: boolean;
}

function readSettings(): LogSettings {
  const written = readLogSettings();
  const sinceText = written.since;
  const since = parseSince(sinceText, Math.floor(Date.now() / 1000));
  if (since === undefined) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Ignoring the setting {0}: "{1}" is neither a duration like 10m nor a date.', settingIds.logsSince, sinceText));
  }
  return { tail: normaliseTail(written.tail), since: since ?? 0, timestamps: written.timestamps };
}

/** Registers follow-logs, logs-as-document and its refresh. */
export function registerLogsCommands(deps: CommandDeps): vscode.Disposable[] {
  const provider = new LogsDocumentProvider(deps.engine);
  return [
    provider,
    vscode.workspace.registerTextDocumentContentProvider(logsScheme, provider),
    registerGuarded(deps, commandIds.containerFollowLogs, async (item, selected) => {
      const engine = deps.engine();
      const targets = await resolveTargets(engine, 'container', item, selected, { canPickMany: true, placeHolder: vscode.l10n.t('Follow the logs of…') });
      const settings = readSettings();
      return targets.map((target) => {
        const terminal = vscode.window.createTerminal({
          name: vscode.l10n.t('Logs: {0}', target.label),
          iconPath: new vscode.ThemeIcon('output'),
          pty: new LogsTerminal(engine, target.id, settings),
        });
        terminal.show(targets.length > 1);
        return terminal.name;
      });
    }),
    registerGuarded(deps, commandIds.containerLogsDocument, async (item, selected) => {
      const engine = deps.engine();
      const [target] = await resolveTargets(engine, 'container', item, selected, { canPickMany: false, placeHolder: vscode.l10n.t('Open the logs of…') });
      if (!target) {
        return undefined;
      }
      readSettings(); // warns about an unreadable `since` once, here, rather than on every refresh
      const uri = logsUri(target.id, target.label);
      provider.refresh(uri); // an already open document shows the newest lines
      const document = await vscode.workspace.openTextDocument(uri);
      const shown = document.languageId === 'log' ? document : await vscode.languages.setTextDocumentLanguage(document, 'log');
      await vscode.window.showTextDocument(shown, { preview: false });
      return uri.toString();
    }),
    registerGuarded(deps, commandIds.logsRefresh, (uri) => {
      const target = uri instanceof vscode.Uri ? uri : vscode.window.activeTextEditor?.document.uri;
      if (target?.scheme === logsScheme) {
        provider.refresh(target);
      }
      return Promise.resolve(target?.toString());
    }),
  ];
}
