/** Volume commands: create and remove (never forced: a volume in use is refused by the engine). */
import * as vscode from 'vscode';
import { commandIds } from '../../constants';
import { engineTitle } from '../../engine/engine';
import { registerGuarded } from '../boundary';
import type { CommandDeps } from '../deps';
import { confirmModal, newObjectName } from '../prompts';
import { forEachTarget } from '../eachTarget';
import { resolveTargets } from '../targets';

/** Registers volume create and remove. */
export function registerVolumeCommands(deps: CommandDeps): vscode.Disposable[] {
  return [
    registerGuarded(deps, commandIds.volumeCreate, async (arg) => {
      const engine = deps.engine();
      const name = await newObjectName(arg, vscode.l10n.t('Name of the new volume'));
      const created = await engine.createVolume(name, {});
      deps.refresh();
      return created;
    }),
    registerGuarded(deps, commandIds.volumeRemove, async (item, selected) => {
      const engine = deps.engine();
      const targets = await resolveTargets(engine, 'volume', item, selected, { canPickMany: true, placeHolder: vscode.l10n.t('Choose volumes to remove') });
      await confirmModal(
        vscode.l10n.t('Remove the volume(s) {0} from {1}? Their data is lost.', targets.map((t) => t.label).join(', '), engineTitle(engine)),
        vscode.l10n.t('Remove'),
      );
      await forEachTarget(targets, (target) => engine.removeVolume(target.id));
      deps.refresh();
      return targets.map((t) => t.id);
    }),
  ];
}
