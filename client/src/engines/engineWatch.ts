/**
 * Connects the EngineMonitor to VS Code: watches the engines in `berthwise.engine.selected` once the
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
  /** Starts watching now if the explorer has not already (e.g. the Engines view opened first). */
  start(): void;
}

export function createEngineWatch(session: EngineSession, log: vscode.LogOutputChannel): EngineWatch {
  const emitter = new vscode.EventEmitter<void>();
  const lastState = new Map<string, string>();
  const monitor = new EngineMonitor(
    (candidate) => createEngine(candidate.endpoint ?? { kind: 'unix', socketPath: '/var/run/docker.sock' }, readTimeoutMs(), readTransportOptions(), candidate.name),
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
  /** `reuse`: only the selection changed, so engines still selected keep their connections. */
  const rewatch = (reuse = false): void => {
    // Nothing selected: the session's one engine is all there is, and the explorer watches it.
    monitor.watch(readSelectedNames().length > 0 ? readSelectedEngines().engines : [], reuse);
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
  const configListener = vscode.workspace.onDidChangeConfiguration((event) => {
    if (started && event.affectsConfiguration('berthwise.engine')) {
      // Hosts, timeout or known_hosts changed: new connections for all; else only the new ones.
      const onlySelection = !['host', 'hosts', 'timeoutMs', 'sshKnownHostsFile'].some((key) => event.affectsConfiguration(`berthwise.engine.${key}`));
      rewatch(onlySelection);
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
      configListener.dispose();
      monitor.dispose();
      emitter.dispose();
    },
  };
}
