/**
 * "Run Image…": creates and starts a container from an image through the Run dialog, then selects
 * the container in its view and offers its logs.
 */
import * as vscode from 'vscode';
import { commandIds } from '../../constants';
import type { RunRequest } from '../../engine/resources/lifecycle';
import { registerGuarded } from '../boundary';
import type { CommandDeps } from '../deps';
import { resolveTargets } from '../targets';
import { askRunChoices, rememberedRunChoices, rememberRunChoices } from './runDialog';
import { exposedPortSuggestions } from './runEntries';

/** Optional third argument for programmatic use (tests pass `networkMode: 'none'`); no prompts then. */
export type RunOverrides = Omit<RunRequest, 'image'>;

const isOverrides = (value: unknown): value is RunOverrides => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Registers the run command. */
export function registerRunImageCommand(deps: CommandDeps): vscode.Disposable {
  return registerGuarded(deps, commandIds.imageRun, async (item, selected, overrides) => {
    const engine = deps.engine();
    const [target] = await resolveTargets(engine, 'image', item, selected, { canPickMany: false, placeHolder: vscode.l10n.t('Choose an image to run') });
    if (!target) {
      return undefined;
    }
    // Run by the tag the user saw when there is one, so the container shows a readable image name.
    const image = target.contextValue === 'image.tagged' ? (target.label.split(',')[0]?.trim() ?? target.id) : target.id;
    let request: RunRequest;
    if (isOverrides(overrides)) {
      request = { ...overrides, image };
    } else {
      const [inspect, networks] = await Promise.all([engine.inspect('image', image), engine.listNetworks()]);
      const choices = await askRunChoices({
        image,
        remembered: rememberedRunChoices(deps.context.globalState, image),
        suggestedPorts: exposedPortSuggestions(inspect),
        networks: networks.map((network) => network.name).sort(),
      });
      await rememberRunChoices(deps.context.globalState, image, choices);
      request = { ...choices, image };
    }
    const id = await engine.runContainer(request);
    await deps.reveal('container', id).catch(() => false);
    if (!isOverrides(overrides)) {
      const follow = vscode.l10n.t('Follow Logs');
      void vscode.window.showInformationMessage(vscode.l10n.t('Started a container from {0}.', image), follow).then((choice) => {
        if (choice === follow) {
          const created = { id, label: id.slice(0, 12), contextValue: 'container.running' };
          void vscode.commands.executeCommand(commandIds.containerFollowLogs, created, [created]);
        }
      });
    }
    return id;
  });
}
