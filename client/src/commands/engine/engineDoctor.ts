/**
 * `berthwise.engine.doctor`: pings every engine Berthwise can see and shows why each does or does
 * not answer, as a rendered Markdown preview of a read-only document of the extension's own
 * (`berthwise-doctor:`), so nothing asks to be saved; running the command again refreshes it.
 */
import * as vscode from 'vscode';
import { commandIds } from '../../constants';
import { diagnoseEngines, formatDoctorReport, type DoctorFinding, type EngineProbe } from '../../engine/resolution/doctor';
import type { EngineCandidate } from '../../engine/resolution/engines';
import type { EngineRegistry } from '../../engines/engineRegistry';
import { connectionSettings, readEngineCandidates } from '../../engines/vscode/engineSettings';
import { registerGuarded } from '../boundary';
import type { CommandDeps } from '../deps';

/** How long the doctor waits for any one engine: short, the point is a quick overview. */
export const doctorDeadlineMs = 4_000;

/**
 * Pings through the registry: an engine already in use answers on its own connection; any other is
 * connected for the ping and closed after it (with any SSH connection it opened).
 */
export function registryProbe(registry: EngineRegistry): EngineProbe {
  return async (endpoint, signal) => {
    const lease = registry.acquire(endpoint, connectionSettings());
    try {
      return await lease.engine.version({ signal, timeoutMs: doctorDeadlineMs });
    } finally {
      lease.release();
    }
  };
}

/** Runs the doctor on the given candidates (all of them by default). */
export function runDoctor(registry: EngineRegistry, candidates: readonly EngineCandidate[] = readEngineCandidates()): Promise<DoctorFinding[]> {
  return diagnoseEngines(candidates, registryProbe(registry), doctorDeadlineMs);
}

export const doctorScheme = 'berthwise-doctor';

/** The one doctor document: the latest report, or a fresh run when VS Code restores the preview. */
class DoctorDocumentProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changes = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changes.event;
  private report: string | undefined;

  constructor(private readonly registry: EngineRegistry) {}

  async provideTextDocumentContent(): Promise<string> {
    return this.report ?? formatDoctorReport(await runDoctor(this.registry), (message, ...args) => vscode.l10n.t(message, ...args));
  }

  show(uri: vscode.Uri, report: string): void {
    this.report = report;
    this.changes.fire(uri);
  }

  dispose(): void {
    this.changes.dispose();
  }
}

/**
 * Resolves once the open document reads `text` (VS Code reads a provider's document again some time
 * after its change event), so whoever runs the command next sees the new report; bounded.
 */
async function documentReads(uri: vscode.Uri, text: string, timeoutMs = 5_000): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(uri);
  if (document.getText() === text) {
    return document;
  }
  return new Promise((resolve) => {
    const finish = (): void => {
      clearTimeout(timer);
      listener.dispose();
      resolve(document);
    };
    const timer = setTimeout(finish, timeoutMs);
    const listener = vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.document === document && document.getText() === text) {
        finish();
      }
    });
  });
}

/** Shows the report rendered (the built-in Markdown preview); the plain read-only document if the preview cannot open. */
async function showRendered(document: vscode.TextDocument): Promise<void> {
  try {
    await vscode.commands.executeCommand('markdown.showPreview', document.uri);
  } catch {
    await vscode.window.showTextDocument(document, { preview: true });
  }
}

export function registerEngineDoctor(deps: CommandDeps): vscode.Disposable {
  const provider = new DoctorDocumentProvider(deps.registry);
  const uri = vscode.Uri.from({ scheme: doctorScheme, path: `/${vscode.l10n.t('Engine Doctor')}.md` });
  const command = registerGuarded(deps, commandIds.engineDoctor, async () => {
    const findings = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Checking Docker engines…') },
      () => runDoctor(deps.registry),
    );
    for (const finding of findings) {
      deps.log.info(`Engine doctor: ${finding.candidate.name}: ${finding.status}${finding.detail ? ` — ${finding.detail}` : ''}`);
    }
    const report = formatDoctorReport(findings, (message, ...args) => vscode.l10n.t(message, ...args));
    provider.show(uri, report);
    await showRendered(await documentReads(uri, report));
    return findings;
  });
  return vscode.Disposable.from(command, provider, vscode.workspace.registerTextDocumentContentProvider(doctorScheme, provider));
}
