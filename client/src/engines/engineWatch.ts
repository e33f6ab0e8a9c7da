/**
 * Connects the EngineMonitor to VS Code: watches the engines in `dockhand.engine.selected` once the
 * explorer first uses an engine (activation itself makes no engine call), re-reads the list when
 * the engine settings change, and logs every change of reachability.
 */
import * as vscode from 'vscode';
import { createEngine } from '../engine/engine';
import type { EngineSession } from '../engineSession';
import { EngineMonitor, type EngineHealth } from './engineMonitor';
import { readSelectedEngines, readSelectedNames, readTimeoutMs, readTransportOptions } from './engineSettings';

export interface EngineWatch extends vscode.Disposable {
  readonly health: readonly EngineHealth[];
  readonly onDidChange: vscode.Event<void>;
}

export function createEngineWatch(session: EngineSession, log: vscode.LogOutputChannel): EngineWatch {
  const emitter = new vscode.EventEmitter<void>();
  const lastState = new Map<string, string>();
  const monitor = new EngineMonitor(
    (candidate) => createEngine(candidate.endpoint ?? { kind: 'unix', socketPath: '/var/run/docker.sock' }, readTimeoutMs(), readTransportOptions()),
    (health) => {
      for (const entry of health) {
        if (lastState.get(entry.name) !== entry.state && entry.state !== 'connecting') {
          log.info(`Engine "${entry.name}" (${entry.target}) is ${entry.state}${entry.error ? `: ${entry.error}` : ''}.`);
        }
        lastState.set(entry.name, entry.state);
      }
      emitter.fire();
    },
  );
  let started = false;
  const rewatch = (): void => {
    lastState.clear();
    // Nothing selected: the session's one engine is all there is, and the explorer watches it.
    monitor.watch(readSelectedNames().length > 0 ? readSelectedEngines().engines : []);
  };
  const statusListener = session.onDidChangeStatus((status) => {
    if (!started && status.resolved) {
      started = true;
      rewatch();
    }
  });
  const configListener = vscode.workspace.onDidChangeConfiguration((event) => {
    if (started && event.affectsConfiguration('dockhand.engine')) {
      rewatch();
    }
  });
  return {
    get health() {
      return monitor.health;
    },
    onDidChange: emitter.event,
    dispose: () => {
      statusListener.dispose();
      configListener.dispose();
      monitor.dispose();
      emitter.dispose();
    },
  };
}
