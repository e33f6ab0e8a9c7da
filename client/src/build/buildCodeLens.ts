/** "Build stage" above every `FROM … AS name`, from the language server's stages. */
import * as vscode from 'vscode';
import type { BuildOutlineResult } from '../../../server/src/protocol';
import { commandIds } from '../constants';

export class BuildStageCodeLens implements vscode.CodeLensProvider {
  constructor(private readonly outline: (uri: vscode.Uri) => Promise<BuildOutlineResult | null>) {}

  async provideCodeLenses(document: vscode.TextDocument): Promise<vscode.CodeLens[]> {
    if (document.uri.scheme !== 'file') {
      return [];
    }
    const outline = await this.outline(document.uri);
    return (outline?.stages ?? [])
      .filter((stage) => stage.name !== undefined)
      .map(
        (stage) =>
          new vscode.CodeLens(new vscode.Range(stage.line, 0, stage.line, 0), {
            title: vscode.l10n.t('Build stage {0}', stage.name ?? ''),
            command: commandIds.imageBuild,
            arguments: [document.uri, stage.name],
          }),
      );
  }
}
