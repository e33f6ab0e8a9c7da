/**
 * The `extensionTestsPath` entry of the activation benchmark (runs inside the extension host).
 * Times `activate()` of Berthwise and of built-in extensions that are not active yet, asks the
 * bench's counting engine socket how many connections it has seen (before activation, after
 * activation plus a quiet period, and after a Berthwise view was opened), and writes a JSON report.
 */
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import { askControlSocket } from '../test/controlSocket';

export const berthwiseId = 'berthwise.berthwise';

/**
 * Built-ins measured in the same extension host that nothing activates in an empty workspace:
 * CSS language features starts a language server on activation, as Berthwise does; the references
 * view registers a few providers and commands only (a floor for what any activation costs).
 */
export const baselineIds: readonly string[] = ['vscode.css-language-features', 'vscode.references-view'];

export interface ActivationTiming {
  readonly id: string;
  /** undefined when the extension is missing or was already active (nothing honest to time). */
  readonly ms?: number;
  readonly note?: string;
}

export interface ProbeReport {
  readonly timings: readonly ActivationTiming[];
  readonly connectionsBeforeActivation: number;
  /** After Berthwise's activate() resolved and the host stayed quiet for `quietMs`. */
  readonly connectionsAfterActivation: number;
  readonly quietMs: number;
  /** After the Containers view was opened and listed its items. */
  readonly connectionsAfterView: number;
  readonly viewItems: number;
  readonly error?: string;
}

interface ExplorerApi {
  explorerItems(kind: 'container'): readonly unknown[];
}

/** Asks the bench process how many engine connections it accepted so far. */
const engineConnections = async (controlPath: string): Promise<number> => Number(await askControlSocket(controlPath, 'count'));

async function timeActivation(id: string): Promise<ActivationTiming> {
  const extension = vscode.extensions.getExtension(id);
  if (!extension) {
    return { id, note: 'not installed' };
  }
  if (extension.isActive) {
    return { id, note: 'already active' };
  }
  const started = performance.now();
  await extension.activate();
  return { id, ms: performance.now() - started };
}

async function poll<T>(what: string, timeoutMs: number, probe: () => Promise<T | undefined> | T | undefined): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error(`${what} did not happen within ${timeoutMs} ms`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export async function run(): Promise<void> {
  const controlPath = process.env['BERTHWISE_BENCH_CONTROL'];
  const reportPath = process.env['BERTHWISE_BENCH_REPORT'];
  if (!controlPath || !reportPath) {
    throw new Error('BERTHWISE_BENCH_CONTROL and BERTHWISE_BENCH_REPORT must be set by bench/activation.ts');
  }
  // Alternate which one runs first so shared warm-up costs do not always fall on the same side.
  const berthwiseFirst = process.env['BERTHWISE_BENCH_BERTHWISE_FIRST'] !== '0';
  const quietMs = 1500;
  const startupSettleMs = 3000;
  const timings: ActivationTiming[] = [];
  // The workbench is still restoring when the tests entry starts; timing inside that burst measures
  // the burst. Activation of a lazily activated extension happens later in real use too.
  await new Promise((resolve) => setTimeout(resolve, startupSettleMs));
  const connectionsBeforeActivation = await engineConnections(controlPath);
  let report: ProbeReport;
  try {
    if (!berthwiseFirst) {
      for (const id of baselineIds) {
        timings.push(await timeActivation(id));
      }
    }
    timings.push(await timeActivation(berthwiseId));
    if (berthwiseFirst) {
      for (const id of baselineIds) {
        timings.push(await timeActivation(id));
      }
    }
    // Waiting on purpose: a deferred engine call (a timer or a promise after activate) must be seen too.
    await new Promise((resolve) => setTimeout(resolve, quietMs));
    const connectionsAfterActivation = await engineConnections(controlPath);
    await vscode.commands.executeCommand('berthwise.containers.focus');
    // The positive control: opening a view must reach the counting socket, or the zero above proves nothing.
    await poll('an engine connection after the view opened', 20_000, async () => ((await engineConnections(controlPath)) > connectionsAfterActivation ? true : undefined));
    const api = vscode.extensions.getExtension<ExplorerApi>(berthwiseId)?.exports;
    const viewItems = await poll('the Containers view listing', 20_000, () => {
      const count = api?.explorerItems('container').length ?? 0;
      return count > 0 ? count : undefined;
    }).catch(() => 0);
    const connectionsAfterView = await engineConnections(controlPath);
    report = { timings, connectionsBeforeActivation, connectionsAfterActivation, quietMs, connectionsAfterView, viewItems };
  } catch (error) {
    report = {
      timings,
      connectionsBeforeActivation,
      connectionsAfterActivation: Number.NaN,
      quietMs,
      connectionsAfterView: Number.NaN,
      viewItems: 0,
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    };
  }
  writeFileSync(reportPath, JSON.stringify(report, null, 2));
}
