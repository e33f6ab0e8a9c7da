/** Volume commands: create and remove (never forced: a volume in use is refused by the engine). */
import * as vscode from 'vscode';
import { commandIds } from '../../constants';
import { engineTitle } from '../../engine/engine';
import { registerGuarded, required } from '../boundary';
import type { CommandDeps } from '../deps';
import { objectNameProblem } from '../names';
import { forEachTarget, resolveTargets } from '../targets';

/** Registers volume create and remove. */
export function registerVolumeCommands(deps: CommandDeps): vscode.Disposable[] {
  return [
    registerGuarded(deps, commandIds.volumeCreate, async (arg) => {
      const engine = deps.engine();
      const name =
        typeof arg === 'string'
          ? arg
          : required(
              await vscode.window.showInputBox({
                prompt: vscode.l10n.t('Name of the new volume'),
                validateInput: (value) => (objectNameProblem(value) ? vscode.l10n.t('Use letters, digits, and . _ - (not first).') : undefined),
              }),
            );
      const created = await engine.createVolume(name, {});
      deps.refresh();
      return created;
    }),
    registerGuarded(deps, commandIds.volumeRemove, async (item, selected) => {
      const engine = deps.engine();
      const targets = await resolveTargets(engine, 'volume', item, selected, { canPickMany: true, placeHolder: vscode.l10n.t('Choose volumes to remove') });
      const remove = vscode.l10n.t('Remove');
      const answer = await vscode.window.showWarningMessage(
        vscode.l10n.t('Remove the volume(s) {0} from {1}? Their data is lost.', targets.map((t) => t.label).join(', '), engineTitle(engine)),
        { modal: true },
        remove,
      );
      required(answer === remove ? answer : undefined);
      await forEachTarget(targets, (target) => engine.removeVolume(target.id));
      deps.refresh();
      return targets.map((t) => t.id);
    }),
  ];
}
