/**
 * One build in its terminal: sends the request, renders BuildKit's progress as numbered steps,
 * remembers which step failed so the error can be put on its Dockerfile line. Closing the terminal
 * while the build runs cancels it (the request is closed; the engine stops the build).
 */
import * as vscode from 'vscode';
import type { BuildOutlineResult, BuildOutlineStep } from '../../../server/src/protocol';
import type { BuildContextSource } from '../engine/build/buildContext';
import type { BuildEvent, BuildResult } from '../engine/build/buildImage';
import type { Engine } from '../engine/engine';
import { ansi } from '../terminal/ansi';
import type { BuildChoices } from './buildChoices';
import { BuildProgress, type ProgressLine } from './buildProgress';
import type { CommandComparison } from './commandCheck';
import { lineInMessage, stepFor } from './stepMapping';
import { BuildTerminal } from './buildTerminal';

export class BuildRun {
  private readonly abort = new AbortController();
  private readonly terminal = new BuildTerminal(() => this.abort.abort());
  private readonly progress = new BuildProgress();
  private readonly failedSteps: string[] = [];
  private readonly stepNames = new Map<number, string>();
  private readonly startedAt = Date.now();

  constructor(
    private readonly engine: Engine,
    private readonly dockerfile: vscode.Uri,
    private readonly outline: BuildOutlineResult,
    private readonly choices: BuildChoices,
  ) {
    const shown = vscode.window.createTerminal({ name: vscode.l10n.t('Build {0}', choices.tag), pty: this.terminal, iconPath: new vscode.ThemeIcon('package') });
    shown.show(true);
  }

  get transcript(): string {
    return this.terminal.transcript;
  }

  /** Runs the build to its end; rejects as the engine API does (BuildFailedError, EngineError). */
  start(context: BuildContextSource, networkMode: string | undefined): Promise<BuildResult> {
    const { tag, target, buildArgs, platform, noCache } = this.choices;
    this.terminal.write(`${ansi.cyan(vscode.l10n.t('Building {0} from {1} on {2}', tag, this.dockerfile.fsPath, this.engine.target))}\n`);
    return this.engine.buildImage(
      {
        context,
        tag,
        ...(target ? { target } : {}),
        buildArgs,
        ...(platform ? { platform } : {}),
        noCache,
        ...(networkMode ? { networkMode } : {}),
      },
      (event) => this.onEvent(event),
      { signal: this.abort.signal },
    );
  }

  private onEvent(event: BuildEvent): void {
    switch (event.kind) {
      case 'status': {
        const { lines, failed } = this.progress.apply(event.update);
        this.failedSteps.push(...failed.map((step) => step.name));
        lines.forEach((line) => this.terminal.write(this.render(line)));
        return;
      }
      case 'output':
        return this.terminal.write(event.text);
      case 'fallback':
        void vscode.window.showWarningMessage(vscode.l10n.t('This engine cannot build with BuildKit ({0}); the classic builder is used instead.', event.reason));
        return this.terminal.write(`${ansi.yellow(vscode.l10n.t('This engine cannot build with BuildKit ({0}); the classic builder is used instead.', event.reason))}\n`);
    }
  }

  private render(line: ProgressLine): string {
    const number = ansi.dim(`#${line.step}`);
    switch (line.kind) {
      case 'start':
        this.stepNames.set(line.step, line.name);
        return `${number} ${line.name}\n`;
      case 'output':
        return `${number} ${line.stderr ? ansi.red(line.text) : line.text}\n`;
      case 'done':
        return `${number} ${vscode.l10n.t('DONE {0}s', line.seconds.toFixed(1))}\n`;
      case 'cached':
        return `${number} ${ansi.cyan(vscode.l10n.t('CACHED'))}\n`;
      case 'error':
        return `${number} ${ansi.red(vscode.l10n.t('ERROR: {0}', line.message))}\n`;
      case 'warning':
        return `${number} ${ansi.yellow(vscode.l10n.t('WARNING: {0}', line.message))}\n`;
    }
  }

  /**
   * Where the failure belongs: the failed step's instruction (by BuildKit's step name), else a line
   * the engine's message names. Writes a `path:line` the terminal turns into a link.
   */
  placeError(message: string): BuildOutlineStep | undefined {
    const step = this.failedSteps.map((name) => stepFor(this.outline, name)).find((found) => found !== undefined);
    const messageLine = lineInMessage(message);
    const placed = step ?? (messageLine !== undefined ? { keyword: '', startLine: messageLine, endLine: messageLine } : undefined);
    this.terminal.write(`\n${ansi.red(vscode.l10n.t('ERROR: {0}', message))}\n`);
    if (placed) {
      this.terminal.write(`${vscode.l10n.t('at {0}', `${this.dockerfile.fsPath}:${placed.startLine + 1}`)}\n`);
    }
    return placed;
  }

  /** Reports the comparison of the image's real command with the model's prediction. */
  reportCommandCheck(check: CommandComparison): void {
    if (check.kind === 'mismatch') {
      const text = vscode.l10n.t('The image runs {0}, but the Dockerfile model predicted {1}. Please report this: the model or a base image is not what it seems.', JSON.stringify(check.actual), JSON.stringify(check.predicted));
      this.terminal.write(`${ansi.yellow(text)}\n`);
      void vscode.window.showWarningMessage(text);
    } else if (check.kind === 'match') {
      this.terminal.write(`${ansi.dim(vscode.l10n.t('The image runs what the editor showed (runs:).'))}\n`);
    }
  }

  /** Writes the closing line; from now on closing the terminal cancels nothing. */
  finish(summary: string): void {
    this.terminal.markFinished();
    const seconds = ((Date.now() - this.startedAt) / 1000).toFixed(1);
    const cached = this.progress.cached;
    this.terminal.write(`\n${summary} ${ansi.dim(vscode.l10n.t('{0}s; steps from the cache: {1}', seconds, cached))}\n`);
  }
}
