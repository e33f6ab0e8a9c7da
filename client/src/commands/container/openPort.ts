/** "Open Published Port": opens a container's published TCP port in the browser. */
import * as vscode from 'vscode';
import { commandIds } from '../../constants';
import { registerGuarded, required } from '../boundary';
import type { CommandDeps } from '../deps';
import { resolveTargets } from '../targets';
import { portUrls } from './portUrls';

/** Registers the open-port command. */
export function registerOpenPortCommand(deps: CommandDeps): vscode.Disposable {
  return registerGuarded(deps, commandIds.containerOpenPort, async (item, selected) => {
    const engine = deps.engine();
    const [target] = await resolveTargets(engine, 'container', item, selected, {
      canPickMany: false,
      placeHolder: vscode.l10n.t('Open a port of…'),
      state: /^container\.running\.published$/,
    });
    const container = (await engine.listContainers()).find((c) => c.id === target?.id);
    const urls = portUrls(container?.ports ?? [], engine.target);
    if (urls.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('{0} publishes no TCP port.', target?.label ?? ''));
      return undefined;
    }
    const chosen = urls.length === 1 ? urls[0] : required(await vscode.window.showQuickPick(urls.map((u) => ({ ...u, description: u.url })), { placeHolder: vscode.l10n.t('Which port?') }));
    const url = required(chosen).url;
    await vscode.env.openExternal(vscode.Uri.parse(url));
    return url;
  });
}
