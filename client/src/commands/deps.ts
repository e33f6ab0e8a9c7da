import type * as vscode from 'vscode';
import type { Engine } from '../engine/engine';

/** What every command needs, built once in activate(). */
export interface CommandDeps {
  readonly context: vscode.ExtensionContext;
  /** The current engine (re-resolved when the settings change). */
  readonly engine: () => Engine;
  readonly log: vscode.LogOutputChannel;
  /** Asks the explorer to refresh after a change (events usually do it already). */
  readonly refresh: () => void;
}
