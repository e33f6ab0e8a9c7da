import * as vscode from 'vscode';
import { commandIds } from '../constants';
import { describeEndpoint, type ResolvedEngine } from '../engine/connection';
import type { EngineSession, EngineStatus } from '../engineSession';

/**
 * The status-bar item naming the engine Dockhand talks to, its version once known, and why it was
 * chosen (tooltip). Clicking it shows the engine log. It never calls the engine itself.
 */
export function createEngineStatusItem(session: EngineSession): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('dockhand.engine', vscode.StatusBarAlignment.Left, 0);
  item.name = vscode.l10n.t('Dockhand: Docker engine');
  item.command = commandIds.showEngineLog;
  const render = (status: EngineStatus): void => {
    const version = status.version ? ` ${status.version.version}` : '';
    if (status.state === 'reachable') {
      item.text = `$(vm-active) ${vscode.l10n.t('Docker{0}', version)}`;
      item.backgroundColor = undefined;
    } else if (status.state === 'unreachable') {
      item.text = `$(vm-outline) ${vscode.l10n.t('Docker: unreachable')}`;
      item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
    } else {
      item.text = `$(vm) ${vscode.l10n.t('Docker')}`;
      item.backgroundColor = undefined;
    }
    const lines = [
      status.resolved ? vscode.l10n.t('Engine: {0}', describeEndpoint(status.resolved.endpoint)) : undefined,
      status.resolved ? explainSource(status.resolved) : undefined,
      status.version ? vscode.l10n.t('Version {0} (API {1}, {2}/{3})', status.version.version, status.version.apiVersion, status.version.os, status.version.arch) : undefined,
      status.error,
      vscode.l10n.t('Click to show the engine log.'),
    ];
    item.tooltip = lines.filter((line): line is string => line !== undefined && line !== '').join('\n');
    item.show();
  };
  render(session.status);
  const listener = session.onDidChangeStatus(render);
  return vscode.Disposable.from(item, listener);
}

/** Why this engine, in the user's language. */
function explainSource(resolved: ResolvedEngine): string {
  switch (resolved.source) {
    case 'setting':
      return vscode.l10n.t('Chosen by the dockhand.engine.host setting.');
    case 'dockerHost':
      return vscode.l10n.t('Chosen by the DOCKER_HOST environment variable.');
    case 'dockerContext':
      return vscode.l10n.t('Chosen by DOCKER_CONTEXT (context "{0}").', resolved.contextName ?? '');
    case 'currentContext':
      return vscode.l10n.t('Chosen by the current Docker context "{0}".', resolved.contextName ?? '');
    case 'socket':
      return vscode.l10n.t('Found the socket; no setting, DOCKER_HOST or context names another engine.');
    case 'fallback':
      return vscode.l10n.t('No engine is configured and no socket was found; trying the default socket.');
  }
}
