/** Inspect commands: one per kind (tree item or picker) and a refresh for the open inspect document. */
import * as vscode from 'vscode';
import { commandIds } from '../../constants';
import type { InspectKind } from '../../engine/resources/inspect';
import { registerGuarded } from '../boundary';
import type { CommandDeps } from '../deps';
import { resolveTargets } from '../targets';
import { InspectDocumentProvider, inspectScheme, inspectUri } from './inspectDocuments';

/** Registers the inspect document provider and the inspect commands. */
export function registerInspectCommands(deps: CommandDeps): vscode.Disposable[] {
  const provider = new InspectDocumentProvider(deps.engine);
  const inspectCommand = (id: string, kind: InspectKind): vscode.Disposable =>
    registerGuarded(deps, id, async (item, selected) => {
      const targets = await resolveTargets(deps.engine(), kind, item, selected, { canPickMany: true, placeHolder: vscode.l10n.t('Choose what to inspect') });
      const uris = targets.map((target) => inspectUri(kind, target.id, target.label));
      for (const uri of uris) {
        provider.refresh(uri); // an already open document shows fresh data
        const document = await vscode.workspace.openTextDocument(uri);
        await vscode.window.showTextDocument(document, { preview: targets.length === 1 });
      }
      return uris.map((uri) => uri.toString());
    });
  return [
    provider,
    vscode.workspace.registerTextDocumentContentProvider(inspectScheme, provider),
    inspectCommand(commandIds.containerInspect, 'container'),
    inspectCommand(commandIds.imageInspect, 'image'),
    inspectCommand(commandIds.volumeInspect, 'volume'),
    inspectCommand(commandIds.networkInspect, 'network'),
    registerGuarded(deps, commandIds.inspectRefresh, (uri) => {
      const target = uri instanceof vscode.Uri ? uri : vscode.window.activeTextEditor?.document.uri;
      if (target?.scheme === inspectScheme) {
        provider.refresh(target);
      }
      return Promise.resolve(target?.toString());
    }),
  ];
}
