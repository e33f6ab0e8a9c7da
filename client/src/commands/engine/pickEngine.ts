/**
 * `berthwise.engine.pick`: one click re-points every view. The list appears at once; each entry's
 * reachability fills in as the doctor's pings answer.
 */
import * as vscode from 'vscode';
import { commandIds } from '../../constants';
import { describeEndpoint } from '../../engine/resolution/connection';
import { summarizeFinding } from '../../engine/resolution/doctor';
import type { EngineCandidate } from '../../engine/resolution/engines';
import { readEngineCandidates, readSelectedEngines } from '../../engines/vscode/engineSettings';
import { makeActiveEngine } from '../../engines/vscode/activeEngine';
import { registerGuarded, required } from '../boundary';
import type { CommandDeps } from '../deps';
import { runDoctor } from './engineDoctor';

interface EngineItem extends vscode.QuickPickItem {
  readonly candidate: EngineCandidate;
}

function toItem(candidate: EngineCandidate, active: string | undefined, detail?: string): EngineItem {
  const icon = candidate.remote ? '$(remote)' : '$(vm)';
  return {
    candidate,
    label: `${icon} ${candidate.name}`,
    description: [candidate.endpoint ? describeEndpoint(candidate.endpoint) : vscode.l10n.t('invalid'), candidate.name === active ? vscode.l10n.t('(in use)') : ''].filter(Boolean).join(' '),
    detail: detail ?? candidate.invalid ?? (candidate.missing ? vscode.l10n.t('no socket') : vscode.l10n.t('checking…')),
  };
}

export function registerPickEngine(deps: CommandDeps): vscode.Disposable {
  return registerGuarded(deps, commandIds.pickEngine, async () => {
    const candidates = readEngineCandidates().filter((candidate) => candidate.endpoint !== undefined);
    const active = readSelectedEngines().engines[0]?.name;
    const pick = vscode.window.createQuickPick<EngineItem>();
    pick.title = vscode.l10n.t('Docker engine for the explorer');
    pick.placeholder = vscode.l10n.t('Choose the engine every Berthwise view shows');
    pick.items = candidates.map((candidate) => toItem(candidate, active));
    pick.busy = true;
    let open = true;
    void runDoctor(deps.registry, candidates).then((findings) => {
      if (!open) {
        return; // the user chose or dismissed before every engine answered
      }
      const t = (message: string, ...args: string[]): string => vscode.l10n.t(message, ...args);
      pick.items = findings.map((finding) => toItem(finding.candidate, active, summarizeFinding(finding, t)));
      pick.busy = false;
    });
    const chosen = await new Promise<EngineItem | undefined>((resolve) => {
      pick.onDidAccept(() => resolve(pick.selectedItems[0]));
      pick.onDidHide(() => resolve(undefined));
      pick.show();
    });
    open = false;
    pick.dispose();
    const candidate = required(chosen).candidate;
    await makeActiveEngine(candidate.name);
    deps.log.info(`The explorer now shows the engine "${candidate.name}".`);
    return candidate.name;
  });
}
