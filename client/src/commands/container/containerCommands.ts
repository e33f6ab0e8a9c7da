/**
 * Container lifecycle commands. The state changes share one table (action, picker filter); remove,
 * rename and copy have their own small handlers. All accept the tree's (item, selection) or pick.
 */
import * as vscode from 'vscode';
import { commandIds } from '../../constants';
import { engineTitle } from '../../engine/engine';
import type { ContainerAction } from '../../engine/resources/lifecycle';
import { registerGuarded, required } from '../boundary';
import type { CommandDeps } from '../deps';
import { objectNameProblem } from '../names';
import { confirmModal } from '../prompts';
import { forEachTargetConcurrently } from '../eachTarget';
import { resolveTargets, type TargetItem } from '../targets';
import { graceMessage, withStopNotice } from './stopProgress';

interface StateCommand {
  readonly id: string;
  readonly action: ContainerAction;
  /** Which containers the palette offers for this action. */
  readonly offered: RegExp;
}

const stateCommands: readonly StateCommand[] = [
  { id: commandIds.containerStart, action: 'start', offered: /^container\.(exited|created|dead)$/ },
  { id: commandIds.containerStop, action: 'stop', offered: /^container\.(running|paused|restarting)$/ },
  { id: commandIds.containerRestart, action: 'restart', offered: /^container\./ },
  { id: commandIds.containerPause, action: 'pause', offered: /^container\.running$/ },
  { id: commandIds.containerUnpause, action: 'unpause', offered: /^container\.paused$/ },
  { id: commandIds.containerKill, action: 'kill', offered: /^container\.(running|paused|restarting)$/ },
];

/** Actions where the engine may wait a container's grace period before it answers. */
const waitingActions = new Set<ContainerAction>(['stop', 'restart']);

/** Registers start/stop/restart/pause/unpause/kill, remove, rename and copy id/name. */
export function registerContainerCommands(deps: CommandDeps): vscode.Disposable[] {
  const pick = (item: unknown, selected: unknown, canPickMany: boolean, offered: RegExp = /^container\./): Promise<TargetItem[]> =>
    resolveTargets(deps.engine(), 'container', item, selected, { canPickMany, placeHolder: vscode.l10n.t('Choose containers'), state: offered });
  return [
    ...stateCommands.map((command) =>
      registerGuarded(deps, command.id, async (item, selected) => {
        const engine = deps.engine();
        const targets = await pick(item, selected, true, command.offered);
        if (waitingActions.has(command.action)) {
          const title = command.action === 'stop' ? vscode.l10n.t('Stopping containers on {0}', engineTitle(engine)) : vscode.l10n.t('Restarting containers on {0}', engineTitle(engine));
          await withStopNotice(title, (report) =>
            forEachTargetConcurrently(targets, async (target) => {
              const { grace, message } = await graceMessage(engine, target);
              report(message);
              await engine.containerAction(target.id, command.action, { graceSeconds: grace });
            }),
          );
        } else {
          await forEachTargetConcurrently(targets, (target) => engine.containerAction(target.id, command.action));
        }
        deps.refresh();
        return targets.map((t) => t.id);
      }),
    ),
    registerGuarded(deps, commandIds.containerRemove, async (item, selected) => {
      const engine = deps.engine();
      const targets = await pick(item, selected, true);
      const states = new Map((await engine.listContainers()).map((c) => [c.id, c.state]));
      const running = targets.filter((t) => ['running', 'paused', 'restarting'].includes(states.get(t.id) ?? ''));
      const question = vscode.l10n.t('Remove {0} from {1}?', targets.map((t) => t.label).join(', '), engineTitle(engine));
      if (running.length > 0) {
        await confirmModal(
          question,
          vscode.l10n.t('Stop and Remove'),
          vscode.l10n.t('{0} is running: it is stopped first, with its grace period to exit, then removed.', running.map((t) => t.label).join(', ')),
        );
      } else {
        await confirmModal(question, vscode.l10n.t('Remove'), vscode.l10n.t('Files changed inside a container are lost with it; its volumes are kept.'));
      }
      // A running container is stopped as `docker stop` does (SIGTERM, then its grace period), not
      // killed by a forced remove: it gets the chance to shut down cleanly.
      await withStopNotice(vscode.l10n.t('Stopping and removing containers on {0}', engineTitle(engine)), (report) =>
        forEachTargetConcurrently(targets, async (target) => {
          if (running.includes(target)) {
            const { grace, message } = await graceMessage(engine, target);
            report(message);
            await engine.containerAction(target.id, 'stop', { graceSeconds: grace });
          }
          await engine.removeContainer(target.id, false);
        }),
      );
      deps.refresh();
      return targets.map((t) => t.id);
    }),
    registerGuarded(deps, commandIds.containerRename, async (item, selected) => {
      const engine = deps.engine();
      const [target] = await pick(item, selected, false);
      if (!target) {
        return undefined;
      }
      const newName = required(
        await vscode.window.showInputBox({
          prompt: vscode.l10n.t('New name for {0}', target.label),
          value: target.label,
          validateInput: (value) => (objectNameProblem(value) ? vscode.l10n.t('Use letters, digits, and . _ - (not first).') : undefined),
        }),
      );
      await engine.renameContainer(target.id, newName);
      deps.refresh();
      return newName;
    }),
    registerGuarded(deps, commandIds.containerCopyId, async (item, selected) => {
      const targets = await pick(item, selected, true);
      await vscode.env.clipboard.writeText(targets.map((t) => t.id).join('\n'));
    }),
    registerGuarded(deps, commandIds.containerCopyName, async (item, selected) => {
      const targets = await pick(item, selected, true);
      await vscode.env.clipboard.writeText(targets.map((t) => t.label).join('\n'));
    }),
  ];
}
