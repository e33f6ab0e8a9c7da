/** `berthwise.engine.doctor`: pings every engine Berthwise can see and shows why each does or does not answer. */
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

export function registerEngineDoctor(deps: CommandDeps): vscode.Disposable {
  return registerGuarded(deps, commandIds.engineDoctor, async () => {
    const findings = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Checking Docker engines…') },
      () => runDoctor(deps.registry),
    );
    for (const finding of findings) {
      deps.log.info(`Engine doctor: ${finding.candidate.name}: ${finding.status}${finding.detail ? ` — ${finding.detail}` : ''}`);
    }
    const report = formatDoctorReport(findings, (message, ...args) => vscode.l10n.t(message, ...args));
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: report });
    await vscode.window.showTextDocument(document, { preview: true });
    return findings;
  });
}
