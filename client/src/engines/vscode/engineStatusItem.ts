import * as vscode from 'vscode';
import { commandIds } from '../../constants';
import { describeEndpoint, type ResolvedEngine } from '../../engine/resolution/connection';
import type { EngineSession, EngineStatus } from './engineSession';
import type { EngineHealth } from '../engineMonitor';

/**
 * The status-bar item naming the engine Berthwise talks to, its version once known, and why it was
 * chosen (tooltip), marks a remote engine, and — when several engines are watched — how many
 * answer. Clicking it opens the engine picker. It never calls the engine itself.
 */
export function createEngineStatusItem(session: EngineSession, monitor?: { readonly health: readonly EngineHealth[]; readonly onDidChange: vscode.Event<void> }): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('berthwise.engine', vscode.StatusBarAlignment.Left, 0);
  item.name = vscode.l10n.t('Berthwise: Docker engine');
  item.command = commandIds.pickEngine;
  const render = (status: EngineStatus): void => {
    const remote = status.remote ? ` $(remote) ${status.selectedName ?? (status.resolved ? describeEndpoint(status.resolved.endpoint) : '')}` : status.selectedName ? ` ${status.selectedName}` : '';
    const watched = monitor?.health ?? [];
    const answering = watched.filter((entry) => entry.state === 'reachable').length;
    const count = watched.length > 1 ? ` ${vscode.l10n.t('({0}/{1} engines)', String(answering), String(watched.length))}` : '';
    // Until the session's own calls tell, the shown engine's watcher knows its state and version.
    const shown = watched.find((entry) => entry.name === status.selectedName);
    const known = status.version ?? shown?.version;
    const state = status.state === 'unknown' && shown && shown.state !== 'connecting' ? shown.state : status.state;
    const version = `${known ? ` ${known.version}` : ''}${remote}${count}`;
    if (state === 'reachable') {
      item.text = `$(vm-active) ${vscode.l10n.t('Docker{0}', version)}`;
      item.backgroundColor = undefined;
    } else if (state === 'unreachable') {
      item.text = `$(vm-outline) ${vscode.l10n.t('Docker: unreachable')}${remote}${count}`;
      item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
    } else {
      item.text = `$(vm) ${vscode.l10n.t('Docker')}${remote}${count}`;
      item.backgroundColor = undefined;
    }
    const lines = [
      status.resolved ? vscode.l10n.t('Engine: {0}', describeEndpoint(status.resolved.endpoint)) : undefined,
      status.resolved ? explainSource(status.resolved) : undefined,
      status.version ? vscode.l10n.t('Version {0} (API {1}, {2}/{3})', status.version.version, status.version.apiVersion, status.version.os, status.version.arch) : undefined,
      status.error,
      ...watched.map(describeHealth),
      vscode.l10n.t('Click to choose the engine.'),
    ];
    item.tooltip = lines.filter((line): line is string => line !== undefined && line !== '').join('\n');
    item.show();
  };
  render(session.status);
  const listener = session.onDidChangeStatus(render);
  const monitorListener = monitor?.onDidChange(() => render(session.status));
  return vscode.Disposable.from(item, listener, ...(monitorListener ? [monitorListener] : []));
}

/** One tooltip line per watched engine. */
function describeHealth(health: EngineHealth): string {
  const mark = health.remote ? ` ${vscode.l10n.t('[remote]')}` : '';
  switch (health.state) {
    case 'reachable':
      return vscode.l10n.t('• {0}{1}: reachable{2}', health.name, mark, health.version ? ` (Docker ${health.version.version})` : '');
    case 'unreachable':
      return vscode.l10n.t('• {0}{1}: unreachable — {2}', health.name, mark, health.error ?? '');
    case 'connecting':
      return vscode.l10n.t('• {0}{1}: connecting…', health.name, mark);
  }
}

/** Why this engine, in the user's language. */
function explainSource(resolved: ResolvedEngine): string {
  switch (resolved.source) {
    case 'setting':
      return vscode.l10n.t('Chosen by the berthwise.engine.host setting.');
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
