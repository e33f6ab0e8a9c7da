/**
 * Connects the EngineMonitor to VS Code: watches the engines in `berthwise.engine.selected` once the
 * explorer first uses an engine (activation itself makes no engine call), re-reads the list when
 * an engine setting changes, and logs every change of reachability. Every engine is a lease on the
 * registry, so the engine the views show is the same connection and event stream as its row here.
 */
import * as vscode from 'vscode';
import type { EngineSession } from './engineSession';
import { readEngineSettings, type SettingsWatcher } from '../../settings';
import { EngineMonitor, type EngineHealth } from '../engineMonitor';
import type { EngineRegistry } from '../engineRegistry';
import { connectionSettings, readSelectedEngines } from './engineSettings';

export interface EngineWatch extends vscode.Disposable {
  readonly health: readonly EngineHealth[];
  readonly onDidChange: vscode.Event<void>;
  /** Starts watching now if the explorer has not already (e.g. the Engines view opened first). */
  start(): void;
}

export function createEngineWatch(session: EngineSession, registry: EngineRegistry, settings: SettingsWatcher, log: vscode.LogOutputChannel): EngineWatch {
  const emitter = new vscode.EventEmitter<void>();
  const lastState = new Map<string, string>();
  const monitor = new EngineMonitor(
    (candidate) => registry.acquire(candidate.endpoint ?? { kind: 'unix', socketPath: '/var/run/docker.sock' }, connectionSettings(), candidate.name),
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
  let connectedWith = '';
  const rewatch = (): void => {
    const current = readEngineSettings();
    // The same deadline and transport: engines still selected keep their connections; else new ones for all.
    const connection = JSON.stringify(connectionSettings(current));
    const reuse = connection === connectedWith;
    connectedWith = connection;
    // Nothing selected: the session's one engine is all there is, and the explorer watches it.
    monitor.watch(current.selected.length > 0 ? readSelectedEngines(current).engines : [], reuse);
  };
  const start = (): void => {
    if (!started) {
      started = true;
      rewatch();
    }
  };
  const statusListener = session.onDidChangeStatus((status) => {
    if (status.resolved) {
      start();
    }
  });
  const settingsListener = settings.onDidChange((change) => {
    if (started && change.affects('engine')) {
      rewatch();
    }
  });
  return {
    get health() {
      return monitor.health;
    },
    onDidChange: emitter.event,
    start,
    dispose: () => {
      statusListener.dispose();
      settingsListener.dispose();
      monitor.dispose();
      emitter.dispose();
    },
  };
}
