/** `berthwise.engine.doctor`: pings every engine Berthwise can see and shows why each does or does not answer. */
import * as vscode from 'vscode';
import { commandIds } from '../../constants';
import { diagnoseEngines, formatDoctorReport, type DoctorFinding, type EngineProbe } from '../../engine/doctor';
import { createEngine } from '../../engine/engine';
import type { EngineCandidate } from '../../engine/engines';
import { readEngineCandidates, readTransportOptions } from '../../engines/engineSettings';
import { registerGuarded } from '../boundary';
import type { CommandDeps } from '../deps';

/** How long the doctor waits for any one engine: short, the point is a quick overview. */
export const doctorDeadlineMs = 4_000;

/** Pings with a throw-away Engine per endpoint, closing any SSH connection it opened. */
export const probeEngine: EngineProbe = async (endpoint, signal) => {
  const engine = createEngine(endpoint, doctorDeadlineMs, readTransportOptions());
  try {
    return await engine.version({ signal });
  } finally {
    engine.dispose?.();
  }
};

/** Runs the doctor on the given candidates (all of them by default). */
export function runDoctor(candidates: readonly EngineCandidate[] = readEngineCandidates()): Promise<DoctorFinding[]> {
  return diagnoseEngines(candidates, probeEngine, doctorDeadlineMs);
}

export function registerEngineDoctor(deps: CommandDeps): vscode.Disposable {
  return registerGuarded(deps, commandIds.engineDoctor, async () => {
    const findings = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Checking Docker engines…') },
      () => runDoctor(),
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
