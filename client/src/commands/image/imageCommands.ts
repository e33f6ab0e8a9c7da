/** Image commands: remove (every tag, never forced) and tag. */
import * as vscode from 'vscode';
import { commandIds } from '../../constants';
import { engineTitle } from '../../engine/engine';
import { registerGuarded, required } from '../boundary';
import type { CommandDeps } from '../deps';
import { parseImageReference } from '../names';
import { confirmModal } from '../prompts';
import { forEachTarget } from '../eachTarget';
import { resolveTargets } from '../targets';
import { referencesToRemove } from './imageReferences';

/** Registers image remove and tag. */
export function registerImageCommands(deps: CommandDeps): vscode.Disposable[] {
  return [
    registerGuarded(deps, commandIds.imageRemove, async (item, selected) => {
      const engine = deps.engine();
      const targets = await resolveTargets(engine, 'image', item, selected, { canPickMany: true, placeHolder: vscode.l10n.t('Choose images to remove') });
      const tagsById = new Map((await engine.listImages()).map((i) => [i.id, i.repoTags]));
      await confirmModal(
        vscode.l10n.t('Remove {0} from {1}?', targets.map((t) => t.label).join(', '), engineTitle(engine)),
        vscode.l10n.t('Remove'),
        vscode.l10n.t('Images a container uses are kept: the engine refuses to remove them.'),
      );
      // Untag one tag at a time without force: an image in use stays, exactly as the engine decides.
      await forEachTarget(targets, async (target) => {
        for (const reference of referencesToRemove(target.id, target.label, tagsById.get(target.id) ?? [])) {
          await engine.removeImage(reference);
        }
      });
      deps.refresh();
      return targets.map((t) => t.id);
    }),
    registerGuarded(deps, commandIds.imageTag, async (item, selected) => {
      const engine = deps.engine();
      const [target] = await resolveTargets(engine, 'image', item, selected, { canPickMany: false, placeHolder: vscode.l10n.t('Choose an image to tag') });
      if (!target) {
        return undefined;
      }
      const text = required(
        await vscode.window.showInputBox({
          prompt: vscode.l10n.t('New tag for {0} (repository[:tag])', target.label),
          placeHolder: 'registry.example.com/team/app:1.0',
          validateInput: (value) => (parseImageReference(value) ? undefined : vscode.l10n.t('Not a valid image reference.')),
        }),
      );
      const reference = required(parseImageReference(text));
      await engine.tagImage(target.id, reference.repository, reference.tag);
      deps.refresh();
      return `${reference.repository}:${reference.tag}`;
    }),
  ];
}
