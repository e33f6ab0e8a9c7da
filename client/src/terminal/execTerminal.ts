/**
 * An exec session in a VS Code terminal: keystrokes go to the process, output comes back raw (TTY),
 * resizes are forwarded. An interactive shell closes its terminal when it exits (the user typed
 * `exit`); a one-off command keeps its terminal and prints its exit code, or its output would be
 * gone before anyone could read it.
 */
import { StringDecoder } from 'node:string_decoder';
import * as vscode from 'vscode';
import type { Engine } from '../engine/engine';
import type { ExecRequest, ExecSession } from '../engine/streams/exec';
import { ansi, toTerminalNewlines } from './ansi';

/** What happens when the process exits on its own. */
export type ExecExitBehaviour = 'close' | 'keepOpen';

export class ExecTerminal implements vscode.Pseudoterminal {
  private readonly writeEmitter = new vscode.EventEmitter<string>();
  private readonly closeEmitter = new vscode.EventEmitter<number | void>();
  readonly onDidWrite = this.writeEmitter.event;
  readonly onDidClose = this.closeEmitter.event;
  private session: ExecSession | undefined;
  /** The process is over (failed, lost or exited and kept open): the next key closes the terminal. */
  private finished = false;
  private closed = false;

  constructor(
    private readonly engine: Engine,
    private readonly request: Omit<ExecRequest, 'rows' | 'columns'>,
    private readonly log: vscode.LogOutputChannel,
    private readonly onExit: ExecExitBehaviour = 'close',
  ) {}

  open(dimensions: vscode.TerminalDimensions | undefined): void {
    void this.start(dimensions);
  }

  private async start(dimensions: vscode.TerminalDimensions | undefined): Promise<void> {
    try {
      const session = await this.engine.startExecSession({ ...this.request, ...(dimensions ? { rows: dimensions.rows, columns: dimensions.columns } : {}) });
      if (this.closed) {
        session.close();
        return;
      }
      this.session = session;
      const decoder = new StringDecoder('utf8');
      session.onData((data) => this.writeEmitter.fire(decoder.write(data)));
      session.onExit((code, lost) => {
        if (this.closed) {
          return;
        }
        if (lost) {
          // The engine went away or the container was removed: keep the terminal open and say so.
          this.showFailure(lost);
          return;
        }
        if (this.onExit === 'keepOpen') {
          this.showExit(code);
          return;
        }
        this.closed = true;
        this.closeEmitter.fire(code ?? undefined);
      });
    } catch (error) {
      this.showFailure(error);
    }
  }

  private showFailure(error: unknown): void {
    this.finished = true;
    const message = error instanceof Error ? error.message : String(error);
    this.log.warn(`exec ${this.request.cmd.join(' ')}: ${message}`);
    this.writeEmitter.fire(toTerminalNewlines(`\n${ansi.red(message)}\n${ansi.dim(vscode.l10n.t('Press any key to close this terminal.'))}\n`));
  }

  /** The exit code as the engine's exec inspect reported it, under the output. */
  private showExit(code: number | undefined): void {
    this.finished = true;
    const text =
      code === undefined
        ? vscode.l10n.t('The command ended; the engine did not report an exit code.')
        : vscode.l10n.t('The command exited with code {0}.', code);
    const line = code === 0 ? ansi.dim(text) : ansi.yellow(text);
    this.writeEmitter.fire(toTerminalNewlines(`\n${line}\n${ansi.dim(vscode.l10n.t('Press any key to close this terminal.'))}\n`));
  }

  handleInput(data: string): void {
    if (this.finished) {
      this.closed = true;
      this.closeEmitter.fire();
      return;
    }
    this.session?.write(data);
  }

  setDimensions(dimensions: vscode.TerminalDimensions): void {
    void this.session?.resize(dimensions.rows, dimensions.columns).catch(() => undefined);
  }

  close(): void {
    this.closed = true;
    this.session?.close();
    this.writeEmitter.dispose();
    this.closeEmitter.dispose();
  }
}
