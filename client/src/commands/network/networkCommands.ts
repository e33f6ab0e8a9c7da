/** Network commands: create, remove, and connect/disconnect a container. */
import * as vscode from 'vscode';
import { commandIds } from '../../constants';
import { engineTitle } from '../../engine/engine';
import { registerGuarded, required } from '../boundary';
import type { CommandDeps } from '../deps';
import { confirmModal, newObjectName } from '../prompts';
import { forEachTarget } from '../eachTarget';
import { listCandidates, resolveTargets, type TargetItem } from '../targets';

const customNetworks = /^network\.custom$/;

/** Registers network create, remove, connect and disconnect. */
export function registerNetworkCommands(deps: CommandDeps): vscode.Disposable[] {
  const pickNetwork = (item: unknown, selected: unknown): Promise<TargetItem[]> =>
    resolveTargets(deps.engine(), 'network', item, selected, { canPickMany: false, placeHolder: vscode.l10n.t('Choose a network'), state: customNetworks });
  return [
    registerGuarded(deps, commandIds.networkCreate, async (arg) => {
      const engine = deps.engine();
      const name = await newObjectName(arg, vscode.l10n.t('Name of the new network (bridge driver)'));
      const id = await engine.createNetwork(name, {});
      deps.refresh();
      return id;
    }),
    registerGuarded(deps, commandIds.networkRemove, async (item, selected) => {
      const engine = deps.engine();
      const targets = await resolveTargets(engine, 'network', item, selected, { canPickMany: true, placeHolder: vscode.l10n.t('Choose networks to remove'), state: customNetworks });
      await confirmModal(vscode.l10n.t('Remove {0} from {1}?', targets.map((t) => t.label).join(', '), engineTitle(engine)), vscode.l10n.t('Remove'));
      await forEachTarget(targets, (target) => engine.removeNetwork(target.id));
      deps.refresh();
      return targets.map((t) => t.id);
    }),
    registerGuarded(deps, commandIds.networkConnect, async (item, selected) => {
      const engine = deps.engine();
      const [network] = await pickNetwork(item, selected);
      const containers = await listCandidates(engine, 'container');
      const chosen = required(
        await vscode.window.showQuickPick(
          containers.map((c) => ({ label: c.label, description: c.contextValue?.split('.')[1] ?? '', target: c })),
          { canPickMany: true, placeHolder: vscode.l10n.t('Containers to connect to {0}', network?.label ?? '') },
        ),
      );
      await forEachTarget(
        chosen.map((c) => c.target),
        (container) => engine.connectNetwork(required(network).id, container.id),
      );
      deps.refresh();
    }),
    registerGuarded(deps, commandIds.networkDisconnect, async (item, selected) => {
      const engine = deps.engine();
      const [network] = await pickNetwork(item, selected);
      const info = (await engine.inspect('network', required(network).id)) as { Containers?: Record<string, { Name?: string }> };
      const attached = Object.entries(info.Containers ?? {}).map(([id, c]) => ({ label: c.Name ?? id.slice(0, 12), id }));
      if (attached.length === 0) {
        void vscode.window.showInformationMessage(vscode.l10n.t('No running container is connected to {0}.', network?.label ?? ''));
        return;
      }
      const chosen = required(await vscode.window.showQuickPick(attached, { canPickMany: true, placeHolder: vscode.l10n.t('Containers to disconnect from {0}', network?.label ?? '') }));
      await forEachTarget(chosen, (container) => engine.disconnectNetwork(required(network).id, container.id));
      deps.refresh();
    }),
  ];
}
