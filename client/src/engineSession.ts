import { existsSync } from 'node:fs';
import * as vscode from 'vscode';
import { engineStateContextKey, settingIds } from './constants';
import { resolveEngine, describeEndpoint } from './engine/connection';
import { createEngine, type Engine } from './engine/engine';
import { EngineError } from './engine/errors';

export type EngineState = 'reachable' | 'unreachable';

/**
 * Owns the connection to the chosen engine: resolved lazily on first use (so activation makes no
 * engine call), re-resolved when the machine-scoped settings change, logged with the reason.
 */
export class EngineSession implements vscode.Disposable {
  private current: Engine | undefined;
  private readonly stateEmitter = new vscode.EventEmitter<EngineState>();
  private readonly changeEmitter = new vscode.EventEmitter<void>();
  private readonly configListener: vscode.Disposable;
  /** Fires when the engine was (re)chosen, e.g. after a settings change. */
  readonly onDidChangeEngine = this.changeEmitter.event;
  readonly onDidChangeState = this.stateEmitter.event;

  constructor(private readonly log: vscode.LogOutputChannel) {
    this.configListener = vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('dockhand.engine')) {
        this.current = undefined;
        this.changeEmitter.fire();
      }
    });
  }

  /** The engine to talk to; throws EngineError when the configured host is malformed. */
  get engine(): Engine {
    if (!this.current) {
      const config = vscode.workspace.getConfiguration();
      // inspect() rather than get(): only the user (machine) value counts, so a workspace can never
      // redirect Dockhand to another engine even if it sneaks the key into its settings.
      const hostSetting = config.inspect<string>(settingIds.engineHost)?.globalValue ?? '';
      const timeoutMs = Math.max(500, config.inspect<number>(settingIds.engineTimeoutMs)?.globalValue ?? 10000);
      let resolved;
      try {
        resolved = resolveEngine({ hostSetting, env: process.env, exists: existsSync, uid: process.getuid?.() ?? 0 });
      } catch (error) {
        throw new EngineError('other', error instanceof Error ? error.message : String(error), error);
      }
      this.log.info(`Using the Docker engine at ${describeEndpoint(resolved.endpoint)}, ${resolved.reason}.`);
      this.current = createEngine(resolved.endpoint, timeoutMs);
    }
    return this.current;
  }

  /** Records whether the last call reached the engine, for the welcome views. */
  reportState(state: EngineState): void {
    void vscode.commands.executeCommand('setContext', engineStateContextKey, state);
    this.stateEmitter.fire(state);
  }

  dispose(): void {
    this.configListener.dispose();
    this.stateEmitter.dispose();
    this.changeEmitter.dispose();
  }
}
