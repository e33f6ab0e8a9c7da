/** Logs commands: follow in a terminal (across restarts) and a snapshot as a document. */
import * as vscode from 'vscode';
import { commandIds, settingIds } from '../../constants';
import { readLogSettings } from '../../settings';
import { LineSplitter, splitTimestamp, StreamDemuxer } from '../../engine/streams/streams';
import { LogsTerminal } from '../../terminal/logsTerminal';
import { registerGuarded } from '../boundary';
import type { CommandDeps } from '../deps';
import { resolveTargets } from '../targets';
import { normaliseTail, parseSince } from './logOptions';

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

/** Registers follow-logs and logs-as-document. */
export function registerLogsCommands(deps: CommandDeps): vscode.Disposable[] {
  return [
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
      const settings = readSettings();
      const { tty, data, droppedBytes } = await engine.readLogs(target.id, { timestamps: settings.timestamps, tail: settings.tail, since: settings.since });
      // A bounded snapshot says so at the top rather than silently starting mid-log.
      const note = droppedBytes > 0 ? `${vscode.l10n.t('[{0} MB of older log output not shown]', (droppedBytes / 1e6).toFixed(1))}\n` : '';
      const document = await vscode.workspace.openTextDocument({ language: 'log', content: note + snapshotText(data, tty) });
      await vscode.window.showTextDocument(document, { preview: false });
      return document.uri.toString();
    }),
  ];
}

/** Raw log bytes → text, with stderr lines marked (a document has no colours). */
function snapshotText(data: Buffer, tty: boolean): string {
  if (tty) {
    return data.toString('utf8');
  }
  const splitters = { stdout: new LineSplitter(), stderr: new LineSplitter() };
  const lines: string[] = [];
  for (const frame of new StreamDemuxer().push(data)) {
    if (frame.stream === 'stdin') {
      continue;
    }
    for (const line of splitters[frame.stream].push(frame.data.toString('utf8'))) {
      const { timestamp, text } = splitTimestamp(line);
      lines.push(frame.stream === 'stderr' ? `${timestamp ? `${timestamp} ` : ''}[stderr] ${text}` : line);
    }
  }
  return `${lines.join('\n')}\n`;
}
