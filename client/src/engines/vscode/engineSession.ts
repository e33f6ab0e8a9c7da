import * as vscode from 'vscode';
import { engineStateContextKey } from '../../constants';
import { describeEndpoint, resolveEngine, type ResolvedEngine } from '../../engine/resolution/connection';
import type { Engine } from '../../engine/engine';
import { isRemoteEndpoint } from '../../engine/resolution/engines';
import { EngineError } from '../../engine/errors';
import type { EngineVersion } from '../../engine/types';
import type { EngineLease, EngineRegistry } from '../engineRegistry';
import { connectionSettings, readEngineListInputs, readSelectedEngines } from './engineSettings';
import { readEngineSettings, type SettingsWatcher } from '../../settings';

export type EngineState = 'reachable' | 'unreachable';

/** What the status item shows: where the engine is, why, and whether it answered. */
export interface EngineStatus {
  readonly state: EngineState | 'unknown';
  readonly resolved?: ResolvedEngine;
  readonly version?: EngineVersion;
  /** The last connection failure's message. */
  readonly error?: string;
  /** The engine's name when it was picked from `berthwise.engine.selected`. */
  readonly selectedName?: string;
  /** Reached over the network (tcp/ssh): the UI marks it as remote. */
  readonly remote?: boolean;
}

/**
 * Chooses the engine the views and commands talk to: resolved lazily on first use (so activation
 * makes no engine call), re-resolved when an engine setting changes, logged with the reason. The
 * engine itself is a lease on the registry's shared one.
 */
export class EngineSession implements vscode.Disposable {
  private current: EngineLease | undefined;
  private currentStatus: EngineStatus = { state: 'unknown' };
  private readonly stateEmitter = new vscode.EventEmitter<EngineState>();
  private readonly changeEmitter = new vscode.EventEmitter<void>();
  private readonly statusEmitter = new vscode.EventEmitter<EngineStatus>();
  private readonly configListener: vscode.Disposable;
  /** Fires when the engine was (re)chosen, e.g. after a settings change. */
  readonly onDidChangeEngine = this.changeEmitter.event;
  readonly onDidChangeState = this.stateEmitter.event;
  readonly onDidChangeStatus = this.statusEmitter.event;

  constructor(
    private readonly registry: EngineRegistry,
    settings: SettingsWatcher,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.configListener = settings.onDidChange((change) => {
      if (change.affects('engine')) {
        this.current?.release();
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
    if (this.current) {
      return this.current.engine;
    }
    const settings = readEngineSettings();
    if (settings.selected.length > 0) {
      this.useSelectedEngine();
    }
    if (!this.current) {
      let resolved: ResolvedEngine;
      try {
        resolved = resolveEngine(readEngineListInputs(settings));
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        this.log.error(`Cannot choose a Docker engine: ${message}`);
        this.setStatus({ state: 'unreachable', error: message });
        throw new EngineError('other', message, error);
      }
      this.log.info(`Using the Docker engine at ${describeEndpoint(resolved.endpoint)}, ${resolved.reason}.`);
      this.current = this.registry.acquire(resolved.endpoint, connectionSettings(settings));
      this.setStatus({ state: 'unknown', resolved, remote: isRemoteEndpoint(resolved.endpoint) });
    }
    return this.current.engine;
  }

  /** The first engine of `berthwise.engine.selected` that exists; falls through to resolution when none does. */
  private useSelectedEngine(): void {
    const { engines, unknown } = readSelectedEngines();
    if (unknown.length > 0) {
      this.log.warn(`berthwise.engine.selected names engines that do not exist or are invalid: ${unknown.join(', ')}.`);
    }
    const chosen = engines[0];
    if (!chosen?.endpoint) {
      return;
    }
    const resolved: ResolvedEngine = { endpoint: chosen.endpoint, source: 'setting', reason: `selected as "${chosen.name}" in berthwise.engine.selected` };
    this.log.info(`Using the Docker engine at ${describeEndpoint(chosen.endpoint)}, ${resolved.reason}.`);
    this.current = this.registry.acquire(chosen.endpoint, connectionSettings(), chosen.name);
    this.setStatus({ state: 'unknown', resolved, selectedName: chosen.name, remote: chosen.remote });
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
      ...(this.currentStatus.selectedName ? { selectedName: this.currentStatus.selectedName } : {}),
      ...(this.currentStatus.remote ? { remote: true } : {}),
    });
  }

  private setStatus(status: EngineStatus): void {
    this.currentStatus = status;
    this.statusEmitter.fire(status);
  }

  dispose(): void {
    this.current?.release();
    this.configListener.dispose();
    this.stateEmitter.dispose();
    this.changeEmitter.dispose();
    this.statusEmitter.dispose();
  }
}
