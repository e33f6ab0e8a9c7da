/**
 * The extension's own documents in the real workbench: container logs and the engine doctor open as
 * read-only documents (no untitled buffer that asks to be saved), titled by what they show; the
 * logs say how many earlier lines were left out, and refresh reads the engine again.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { createTestContainer, removeLabelled, testDocker, uniqueSuffix } from '../../engineHelpers';
import { until } from '../../until';
import { waitFor } from './waitFor';

/** The tab showing `uri`, wherever it is. */
const tabOf = (uri: vscode.Uri): vscode.Tab | undefined =>
  vscode.window.tabGroups.all.flatMap((group) => group.tabs).find((tab) => tab.input instanceof vscode.TabInputText && tab.input.uri.toString() === uri.toString());

describe('read-only documents: container logs and the engine doctor', () => {
  const docker = testDocker();
  const suffix = uniqueSuffix();
  const name = `berthwise-doc-${suffix}`;
  let containerId = '';

  before(async () => {
    // Seven lines, then one more whenever /tmp/more appears (the refresh below asks for it).
    const container = await createTestContainer(docker, name, ['sh', '-c', 'for i in 1 2 3 4 5 6 7; do echo doc-line-$i; done; while [ ! -e /tmp/more ]; do sleep 0.1; done; echo doc-line-8; sleep 600'], true);
    containerId = container.id;
    await until('the seven lines in the engine', async () => (await container.logs({ stdout: true, stderr: true, follow: false })).toString().includes('doc-line-7'));
    await vscode.workspace.getConfiguration().update('berthwise.logs.tail', 3, vscode.ConfigurationTarget.Global);
  });
  after(async () => {
    await vscode.workspace.getConfiguration().update('berthwise.logs.tail', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await removeLabelled(docker, suffix);
  });

  it('"Open Container Logs as Document" opens a read-only document titled by the container that says what it left out, and refreshes', async () => {
    const item = { id: containerId, label: name, contextValue: 'container.running' };
    const opened = await vscode.commands.executeCommand<string>('berthwise.container.logsDocument', item, [item]);
    const uri = vscode.Uri.parse(opened);
    assert.equal(uri.scheme, 'berthwise-logs', `opened ${opened}`);
    const document = vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === uri.toString());
    assert.ok(document, 'the document is open');
    assert.equal(document.isUntitled, false);
    assert.equal(document.isDirty, false, 'nothing to save on close');
    assert.equal(tabOf(uri)?.label, `${name} logs`);
    assert.deepEqual(document.getText().split('\n'), [
      '[4 earlier lines left out: the newest 3 of 7 lines follow (berthwise.logs.tail)]',
      'doc-line-5',
      'doc-line-6',
      'doc-line-7',
      '',
    ]);
    // Refresh reads the engine again: a line written since shows, and the note counts anew.
    const exec = await docker.getContainer(containerId).exec({ Cmd: ['touch', '/tmp/more'] });
    await exec.start({ Detach: true });
    await until('the eighth line in the engine', async () => (await docker.getContainer(containerId).logs({ stdout: true, follow: false })).toString().includes('doc-line-8'));
    await vscode.commands.executeCommand('berthwise.logs.refresh', uri);
    await until('the refreshed document', () => document.getText().includes('doc-line-8'));
    assert.equal(document.lineAt(0).text, '[5 earlier lines left out: the newest 3 of 8 lines follow (berthwise.logs.tail)]');
    assert.equal(document.isDirty, false);
  });

  it('the engine doctor renders its report from a read-only document, not a dirty untitled buffer', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const findings = await vscode.commands.executeCommand<unknown[] | undefined>('berthwise.engine.doctor');
    assert.ok(findings && findings.length > 0);
    const report = vscode.workspace.textDocuments.find((candidate) => candidate.uri.scheme === 'berthwise-doctor');
    assert.ok(report, `a berthwise-doctor document (open: ${vscode.workspace.textDocuments.map((d) => d.uri.toString()).join(', ')})`);
    assert.equal(report.isDirty, false);
    assert.match(report.getText(), /Berthwise engine doctor/);
    assert.ok(!vscode.workspace.textDocuments.some((candidate) => candidate.isUntitled && /engine doctor/.test(candidate.getText())), 'no untitled copy of the report');
    // Rendered: the Markdown preview (a webview) shows it, not a text editor of raw Markdown.
    await waitFor('the rendered report', () => vscode.window.tabGroups.all.flatMap((group) => group.tabs).find((tab) => tab.input instanceof vscode.TabInputWebview && tab.label.includes('Engine Doctor')));
    assert.equal(vscode.window.activeTextEditor?.document.uri.scheme === 'berthwise-doctor', false, 'no raw Markdown editor in front');
  });
});
