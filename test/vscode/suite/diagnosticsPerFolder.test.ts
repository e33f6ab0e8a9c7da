/**
 * `berthwise.diagnostics` is resource-scoped: in a multi-root workspace each folder's value applies
 * to the Dockerfiles in it. The suites run in test/fixtures/workspace.code-workspace, whose folders
 * `strict` and `lenient` set JSONArgsRecommended to `error` and `info`; their Dockerfiles are the same.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { waitFor } from './waitFor';

const rule = 'JSONArgsRecommended';

function folder(name: string): vscode.WorkspaceFolder {
  const found = vscode.workspace.workspaceFolders?.find((entry) => entry.name === name);
  assert.ok(found, `the workspace has the folder ${name} (folders: ${(vscode.workspace.workspaceFolders ?? []).map((entry) => entry.name).join(', ')})`);
  return found;
}

async function openDockerfile(name: string): Promise<vscode.Uri> {
  const uri = vscode.Uri.joinPath(folder(name).uri, 'Dockerfile');
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  return uri;
}

/** The rule code, whether the diagnostic links to its documentation (`{ value, target }`) or not. */
function codeOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return typeof code === 'object' && code !== null ? String(code.value) : String(code);
}

async function severityOf(uri: vscode.Uri, expected: vscode.DiagnosticSeverity): Promise<vscode.DiagnosticSeverity> {
  const names = ['Error', 'Warning', 'Information', 'Hint'];
  return waitFor(`${rule} as ${names[expected]} in ${uri.path}`, () => {
    const found = vscode.languages.getDiagnostics(uri).find((diagnostic) => codeOf(diagnostic) === rule);
    return found?.severity === expected ? found.severity : undefined;
  });
}

describe('diagnostics settings per workspace folder', () => {
  after(async () => {
    await vscode.workspace.getConfiguration('berthwise', folder('lenient').uri).update('diagnostics', { [rule]: 'info' }, vscode.ConfigurationTarget.WorkspaceFolder);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('gives the same rule the severity each folder sets', async () => {
    const strict = await openDockerfile('strict');
    const lenient = await openDockerfile('lenient');
    await severityOf(strict, vscode.DiagnosticSeverity.Error);
    await severityOf(lenient, vscode.DiagnosticSeverity.Information);
  });

  it('applies a change of one folder\'s setting to that folder only', async () => {
    const strict = await openDockerfile('strict');
    const lenient = await openDockerfile('lenient');
    await vscode.workspace.getConfiguration('berthwise', folder('lenient').uri).update('diagnostics', { [rule]: 'warning' }, vscode.ConfigurationTarget.WorkspaceFolder);
    await severityOf(lenient, vscode.DiagnosticSeverity.Warning);
    await severityOf(strict, vscode.DiagnosticSeverity.Error);
  });
});
