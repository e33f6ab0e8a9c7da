/** Wires the build: the command, its diagnostics and the "Build stage" CodeLens. */
import * as vscode from 'vscode';
import type { BuildOutlineResult } from '../../../server/src/protocol';
import type { CommandDeps } from '../commands/deps';
import { languageId } from '../constants';
import { BuildStageCodeLens } from './buildCodeLens';
import { registerBuildCommand } from './buildCommand';
import { BuildDiagnostics } from './buildDiagnostics';

export function registerBuildFeature(deps: CommandDeps, outline: (uri: vscode.Uri) => Promise<BuildOutlineResult | null>): vscode.Disposable[] {
  const diagnostics = new BuildDiagnostics();
  return [
    diagnostics,
    registerBuildCommand({ ...deps, outline, diagnostics }),
    vscode.languages.registerCodeLensProvider({ language: languageId, scheme: 'file' }, new BuildStageCodeLens(outline)),
  ];
}
