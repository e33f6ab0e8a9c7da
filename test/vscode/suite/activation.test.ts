import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { BerthwiseApi } from '../../../client/src/extension';
import { waitFor } from './waitFor';

const extensionId = 'berthwise.berthwise';

async function openDockerfile(content: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument({ language: 'dockerfile', content });
  await vscode.window.showTextDocument(document);
  return document;
}

describe('activation', () => {
  it('is not active before a Dockerfile or a view is opened', () => {
    const extension = vscode.extensions.getExtension<BerthwiseApi>(extensionId);
    assert.ok(extension, 'the development extension is loaded');
    assert.equal(extension.isActive, false);
  });

  it('activates on a Dockerfile and its language client answers hover', async () => {
    const document = await openDockerfile('FROM busybox\nCMD ["sh"]\n');
    const extension = vscode.extensions.getExtension<BerthwiseApi>(extensionId);
    assert.ok(extension);
    await waitFor('activation', () => (extension.isActive ? true : undefined));
    const hovers = await waitFor('a hover from the server', async () => {
      const result = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, new vscode.Position(0, 1));
      return result.length > 0 ? result : undefined;
    });
    const text = hovers
      .flatMap((hover) => hover.contents)
      .map((content) => (typeof content === 'string' ? content : content.value))
      .join('\n');
    assert.match(text, /FROM/);
    assert.match(text, /docs\.docker\.com\/reference\/dockerfile/);
  });

  it('registers every command it declares', async () => {
    const all = await vscode.commands.getCommands(true);
    const manifest = vscode.extensions.getExtension(extensionId)?.packageJSON as { contributes: { commands: { command: string }[] } };
    for (const { command } of manifest.contributes.commands) {
      assert.ok(all.includes(command), `${command} is registered`);
    }
  });
});
