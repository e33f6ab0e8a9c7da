import type * as vscode from 'vscode';
import type { Engine } from '../engine/engine';
import type { EngineRegistry } from '../engines/engineRegistry';
import type { EngineObjectKind } from '../engine/types';

/** What every command needs, built once in activate(). */
export interface CommandDeps {
  readonly context: vscode.ExtensionContext;
  /** The current engine (re-resolved when the settings change). */
  readonly engine: () => Engine;
  /** Every engine object (the doctor pings through it, sharing connections already open). */
  readonly registry: EngineRegistry;
  readonly log: vscode.LogOutputChannel;
  /** Asks the explorer to refresh after a change (events usually do it already). */
  readonly refresh: () => void;
  /** Restarts the Dockerfile language server (a no-op before it has started). */
  readonly restartLanguageServer: () => Promise<void>;
  /** Re-lists and selects one object in its view (a built image, a started container). */
  readonly reveal: (kind: EngineObjectKind, id: string) => Promise<boolean>;
}
