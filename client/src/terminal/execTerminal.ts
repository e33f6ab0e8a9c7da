/**
 * An interactive exec session in a VS Code terminal: keystrokes go to the process, output comes
 * back raw (TTY), resizes are forwarded, and the terminal closes when the process exits.
 */
import { StringDecoder } from 'node:string_decoder';
import * as vscode from 'vscode';
import type { Engine } from '../engine/engine';
import type { ExecRequest, ExecSession } from '../engine/streams/exec';
import { ansi, toTerminalNewlines } from './ansi';

export class ExecTerminal implements vscode.Pseudoterminal {
  private readonly writeEmitter = new vscode.EventEmitter<string>();
  private readonly closeEmitter = new vscode.EventEmitter<number | void>();
  readonly onDidWrite = this.writeEmitter.event;
  readonly onDidClose = this.closeEmitter.event;
  private session: ExecSession | undefined;
  private failed = false;
  private closed = false;

  constructor(
    private readonly engine: Engine,
    private readonly request: Omit<ExecRequest, 'rows' | 'columns'>,
    private readonly log: vscode.LogOutputChannel,
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
        this.closed = true;
        this.closeEmitter.fire(code ?? undefined);
      });
    } catch (error) {
      this.showFailure(error);
    }
  }

  private showFailure(error: unknown): void {
    this.failed = true;
    const message = error instanceof Error ? error.message : String(error);
    this.log.warn(`exec ${this.request.cmd.join(' ')}: ${message}`);
    this.writeEmitter.fire(toTerminalNewlines(`\n${ansi.red(message)}\n${ansi.dim(vscode.l10n.t('Press any key to close this terminal.'))}\n`));
  }

  handleInput(data: string): void {
    if (this.failed) {
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
