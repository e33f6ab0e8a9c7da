import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import * as vscode from 'vscode';
import { engineStateContextKey, settingIds } from './constants';
import { describeEndpoint, resolveEngine, type ResolvedEngine } from './engine/connection';
import { createEngine, type Engine } from './engine/engine';
import { EngineError } from './engine/errors';
import type { EngineVersion } from './engine/types';

export type EngineState = 'reachable' | 'unreachable';

/** What the status item shows: where the engine is, why, and whether it answered. */
export interface EngineStatus {
  readonly state: EngineState | 'unknown';
  readonly resolved?: ResolvedEngine;
  readonly version?: EngineVersion;
  /** The last connection failure's message. */
  readonly error?: string;
}

const readText = (path: string): string | undefined => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
};

/**
 * Owns the connection to the chosen engine: resolved lazily on first use (so activation makes no
 * engine call), re-resolved when the machine-scoped settings change, logged with the reason.
 */
export class EngineSession implements vscode.Disposable {
  private current: Engine | undefined;
  private currentStatus: EngineStatus = { state: 'unknown' };
  private readonly stateEmitter = new vscode.EventEmitter<EngineState>();
  private readonly changeEmitter = new vscode.EventEmitter<void>();
  private readonly statusEmitter = new vscode.EventEmitter<EngineStatus>();
  private readonly configListener: vscode.Disposable;
  /** Fires when the engine was (re)chosen, e.g. after a settings change. */
  readonly onDidChangeEngine = this.changeEmitter.event;
  readonly onDidChangeState = this.stateEmitter.event;
  readonly onDidChangeStatus = this.statusEmitter.event;

  constructor(private readonly log: vscode.LogOutputChannel) {
    this.configListener = vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('dockhand.engine')) {
        this.current = undefined;
        this.setStatus({ state: 'unknown' });
        this.changeEmitter.fire();
      }
    });
  }

  get status(): EngineStatus {
    return this.currentStatus;
  }

  /** The engine to talk to; throws EngineError when the configured host or context is malformed. */
  get engine(): Engine {
    if (!this.current) {
      const config = vscode.workspace.getConfiguration();
      // inspect() rather than get(): only the user (machine) value counts, so a workspace can never
      // redirect Dockhand to another engine even if it sneaks the key into its settings.
      const hostSetting = config.inspect<string>(settingIds.engineHost)?.globalValue ?? '';
      const timeoutMs = Math.max(500, config.inspect<number>(settingIds.engineTimeoutMs)?.globalValue ?? 10000);
      let resolved: ResolvedEngine;
      try {
        resolved = resolveEngine({ hostSetting, env: process.env, exists: existsSync, uid: process.getuid?.() ?? 0, readFile: readText, homeDir: homedir() });
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        this.log.error(`Cannot choose a Docker engine: ${message}`);
        this.setStatus({ state: 'unreachable', error: message });
        throw new EngineError('other', message, error);
      }
      this.log.info(`Using the Docker engine at ${describeEndpoint(resolved.endpoint)}, ${resolved.reason}.`);
      this.current = createEngine(resolved.endpoint, timeoutMs);
      this.setStatus({ state: 'unknown', resolved });
    }
    return this.current;
  }

  /** Records whether the last call reached the engine, for the welcome views and the status item. */
  reportState(state: EngineState, detail?: { version?: EngineVersion; error?: string }): void {
    if (state !== this.currentStatus.state) {
      void vscode.commands.executeCommand('setContext', engineStateContextKey, state);
      this.stateEmitter.fire(state);
    }
    const version = state === 'reachable' ? (detail?.version ?? this.currentStatus.version) : undefined;
    this.setStatus({
      state,
      ...(this.currentStatus.resolved ? { resolved: this.currentStatus.resolved } : {}),
      ...(version ? { version } : {}),
      ...(detail?.error ? { error: detail.error } : {}),
    });
  }

  private setStatus(status: EngineStatus): void {
    this.currentStatus = status;
    this.statusEmitter.fire(status);
  }

  dispose(): void {
    this.configListener.dispose();
    this.stateEmitter.dispose();
    this.changeEmitter.dispose();
    this.statusEmitter.dispose();
  }
}
