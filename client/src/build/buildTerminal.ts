/**
 * The terminal a build writes its progress to. Closing it cancels the build (the caller's abort
 * controller). Text written before VS Code opens the terminal is kept and shown on open. The plain
 * transcript (without colours) is kept too, so the command can hand it to its caller.
 */
import * as vscode from 'vscode';
import { toTerminalNewlines } from '../terminal/ansi';

 
const ansiPattern = /\x1b\[[0-9;]*m/g;
/** The transcript is for callers that want to check the output; a huge build keeps only its end. */
const transcriptLimit = 1024 * 1024;

export class BuildTerminal implements vscode.Pseudoterminal {
  private readonly writeEmitter = new vscode.EventEmitter<string>();
  readonly onDidWrite = this.writeEmitter.event;
  private readonly closeEmitter = new vscode.EventEmitter<number | void>();
  readonly onDidClose = this.closeEmitter.event;
  private pending: string[] | undefined = [];
  private plain = '';
  private finished = false;

  constructor(private readonly onUserClose: () => void) {}

  open(): void {
    const waiting = this.pending ?? [];
    this.pending = undefined;
    if (waiting.length > 0) {
      this.writeEmitter.fire(waiting.join(''));
    }
  }

  /** Writes text (LF line ends, ANSI colours allowed). */
  write(text: string): void {
    const terminalText = toTerminalNewlines(text);
    this.plain = (this.plain + text.replace(ansiPattern, '')).slice(-transcriptLimit);
    if (this.pending) {
      this.pending.push(terminalText);
    } else {
      this.writeEmitter.fire(terminalText);
    }
  }

  /** What was written, without colours. */
  get transcript(): string {
    return this.plain;
  }

  /** The build is over: closing the terminal now cancels nothing. */
  markFinished(): void {
    this.finished = true;
  }

  close(): void {
    if (!this.finished) {
      this.onUserClose();
    }
  }
}
