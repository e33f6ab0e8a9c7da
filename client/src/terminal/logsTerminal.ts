/**
 * Follows container logs in a VS Code terminal: stderr in red, optional timestamps, a marker at
 * every stop/restart gap. Output is batched through a bounded buffer so a flooding container cannot
 * grow memory: beyond the cap the oldest pending text is dropped and the drop is shown. A container
 * that has written nothing yet gets a line saying so, not a blank terminal.
 */
import * as vscode from 'vscode';
import type { Engine } from '../engine/engine';
import { LogFollower, type LogFollowOptions, type LogGap } from '../engine/streams/logFollower';
import { BoundedTextBuffer } from '../engine/streams/streams';
import { ansi, toTerminalNewlines } from './ansi';

const flushIntervalMs = 50;
const pendingCapacity = 256 * 1024;

export class LogsTerminal implements vscode.Pseudoterminal {
  private readonly writeEmitter = new vscode.EventEmitter<string>();
  readonly onDidWrite = this.writeEmitter.event;
  private readonly pending = new BoundedTextBuffer(pendingCapacity);
  private timer: NodeJS.Timeout | undefined;
  private follower: LogFollower | undefined;
  private sawLine = false;

  constructor(
    private readonly engine: Engine,
    private readonly containerId: string,
    private readonly options: LogFollowOptions & { readonly timestamps: boolean },
  ) {}

  open(): void {
    this.timer = setInterval(() => this.flush(), flushIntervalMs);
    this.follower = new LogFollower(this.engine, this.containerId, this.options, {
      line: (text, stream, timestamp) => {
        this.sawLine = true;
        const stamp = this.options.timestamps && timestamp ? `${ansi.dim(timestamp)} ` : '';
        this.pending.push(`${stamp}${stream === 'stderr' ? ansi.red(text) : text}\r\n`);
      },
      gap: (kind, at) => this.pending.push(toTerminalNewlines(`${ansi.cyan(gapMessage(kind, at))}\n`)),
      failed: (error) => this.pending.push(toTerminalNewlines(`${ansi.red(error instanceof Error ? error.message : String(error))}\n`)),
    });
    void this.follower.start();
    void this.sayWhenSilent();
  }

  /**
   * A blank terminal reads as "broken"; the follow stream has no end-of-backlog marker, so one
   * non-follow read of the newest line tells whether there is any output at all.
   */
  private async sayWhenSilent(): Promise<void> {
    try {
      const { data } = await this.engine.readLogs(this.containerId, { timestamps: false, tail: 1, since: this.options.since });
      if (data.length === 0 && !this.sawLine) {
        this.pending.push(toTerminalNewlines(`${ansi.dim(vscode.l10n.t('No output yet: the container has not written anything. New lines appear here as it writes them.'))}\n`));
      }
    } catch {
      // The follower reports engine failures itself.
    }
  }

  private flush(): void {
    const { text, dropped } = this.pending.take();
    if (dropped > 0) {
      this.writeEmitter.fire(toTerminalNewlines(`${ansi.yellow(vscode.l10n.t('[… {0} characters skipped: the container writes faster than the terminal shows …]', dropped))}\n`));
    }
    if (text !== '') {
      this.writeEmitter.fire(text);
    }
  }

  close(): void {
    this.follower?.stop();
    if (this.timer) {
      clearInterval(this.timer);
    }
    this.writeEmitter.dispose();
  }
}

function gapMessage(kind: LogGap, at: Date): string {
  const time = at.toISOString();
  switch (kind) {
    case 'stopped':
      return vscode.l10n.t('──── container stopped ({0}); waiting for it to start again ────', time);
    case 'restarted':
      return vscode.l10n.t('──── container started again ({0}) ────', time);
    case 'removed':
      return vscode.l10n.t('──── container removed ({0}) ────', time);
    case 'disconnected':
      return vscode.l10n.t('──── the Docker engine stopped answering ({0}); reconnecting ────', time);
    case 'reconnected':
      return vscode.l10n.t('──── connected to the Docker engine again ({0}) ────', time);
  }
}
