/**
 * Build Image and Run Image inside the real workbench: the command invoked as the editor title
 * passes it (the Dockerfile's URI), the progress it wrote to its terminal, the error diagnostic on
 * the failing line, the image in the Images view, and a container run with a port and a variable,
 * all checked against the engine.
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { BuildCommandResult } from '../../../client/src/build/buildCommand';
import type { BerthwiseApi } from '../../../client/src/extension';
import type { TreeItemModel } from '../../../client/src/explorer/descriptors';
import { baseImage, removeLabelled, testDocker, testLabel, uniqueSuffix } from '../../engineHelpers';
import { waitFor } from './waitFor';

const extensionId = 'berthwise.berthwise';

const flatten = (items: readonly TreeItemModel[]): TreeItemModel[] => items.flatMap((item) => [item, ...flatten(item.children ?? [])]);

describe('Build Image and Run Image', () => {
  const docker = testDocker();
  const suffix = uniqueSuffix();
  const folder = mkdtempSync(join(tmpdir(), 'berthwise-vscode-build-'));
  const tag = `berthwise-vscode-build/app-${suffix}:latest`;
  let api: BerthwiseApi;

  before(async () => {
    await vscode.commands.executeCommand('workbench.view.extension.berthwise');
    const extension = vscode.extensions.getExtension<BerthwiseApi>(extensionId);
    assert.ok(extension);
    api = await extension.activate();
  });
  after(async () => {
    // Later checks open "Dockerfile" through Quick Open, which offers recently opened files first.
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('workbench.action.clearEditorHistory');
    await removeLabelled(docker, suffix);
    await docker.getImage(tag).remove({ force: true }).catch(() => undefined);
    rmSync(folder, { recursive: true, force: true });
  });

  const openDockerfile = async (name: string, text: string): Promise<vscode.Uri> => {
    const path = join(folder, name);
    writeFileSync(path, text);
    const uri = vscode.Uri.file(path);
    await vscode.window.showTextDocument(uri);
    return uri;
  };

  it('builds the Dockerfile in the editor, shows the steps and their output, and selects the image in the Images view', async () => {
    const uri = await openDockerfile('Dockerfile', [`FROM ${baseImage} AS base`, `RUN echo built-${suffix}`, 'EXPOSE 8080', 'CMD ["sleep", "300"]', ''].join('\n'));
    const result = await vscode.commands.executeCommand<BuildCommandResult>('berthwise.image.build', uri, {}, { tag, networkMode: 'none', noCache: true });
    assert.ok(result.ok, result.error);
    assert.match(result.transcript, /\[2\/2\] RUN echo built-/);
    assert.ok(result.transcript.includes(`built-${suffix}`), `the RUN's output in the terminal:\n${result.transcript}`);
    assert.match(result.transcript, /DONE \d+\.\ds/);
    assert.equal(result.commandMismatch, false);
    const engineId = (await docker.getImage(tag).inspect()).Id;
    assert.equal(result.imageId, engineId);
    await waitFor('the image in the Images view', () => (flatten(api.explorerItems('image')).some((item) => item.id === engineId) ? true : undefined));
  });

  it('puts the error of a failing RUN on its line, and an edit of that line clears it', async () => {
    const lines = [`FROM ${baseImage}`, 'RUN echo fine', '# the next instruction fails', 'RUN echo failing && \\', '    exit 4', 'RUN echo never', ''];
    const uri = await openDockerfile('failing.Dockerfile', lines.join('\n'));
    const result = await vscode.commands.executeCommand<BuildCommandResult>('berthwise.image.build', uri, {}, { tag: `berthwise-vscode-build/failing-${suffix}`, networkMode: 'none', noCache: true });
    assert.equal(result.ok, false);
    assert.match(result.error ?? '', /exit code: 4/);
    const expectedLine = lines.indexOf('RUN echo failing && \\');
    assert.equal(result.errorLine, expectedLine);
    assert.ok(result.transcript.includes(`${uri.fsPath}:${expectedLine + 1}`), 'the terminal links to the line');
    const diagnostic = await waitFor('the build error diagnostic', () => vscode.languages.getDiagnostics(uri).find((d) => d.code === 'build-failed'));
    assert.equal(diagnostic.range.start.line, expectedLine);
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Error);
    const editor = await vscode.window.showTextDocument(uri);
    await editor.edit((edit) => edit.insert(new vscode.Position(expectedLine + 1, 4), 'true || '));
    await waitFor('the diagnostic to go with the edit', () => (vscode.languages.getDiagnostics(uri).some((d) => d.code === 'build-failed') ? undefined : true));
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('offers "Build stage" on every named stage', async () => {
    const uri = await openDockerfile('stages.Dockerfile', [`FROM ${baseImage} AS first`, 'RUN true', `FROM ${baseImage}`, 'FROM first AS second', ''].join('\n'));
    const lenses = await waitFor('the CodeLenses', async () => {
      const found = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
      return found.filter((lens) => lens.command?.command === 'berthwise.image.build').length === 2 ? found : undefined;
    });
    const built = lenses.filter((lens) => lens.command?.command === 'berthwise.image.build');
    assert.deepEqual(built.map((lens) => [lens.range.start.line, (lens.command?.arguments as unknown[] | undefined)?.[1]]), [[0, 'first'], [3, 'second']]);
  });

  it('runs the built image with a published port and an environment variable', async () => {
    const image = (await docker.getImage(tag).inspect()).Id;
    const item = { id: image, label: tag, contextValue: 'image.tagged' };
    const name = `berthwise-vscode-run-${suffix}`;
    const id = await vscode.commands.executeCommand<string>('berthwise.image.run', item, [item], {
      name,
      env: [`GREETING=hello-${suffix}`],
      ports: [{ containerPort: 8080, protocol: 'tcp', hostPort: 0, hostIp: '127.0.0.1' }],
      labels: { [testLabel]: 'true' },
    });
    const info = await docker.getContainer(id).inspect();
    assert.ok(info.Config.Env.includes(`GREETING=hello-${suffix}`));
    assert.deepEqual(info.HostConfig.PortBindings, { '8080/tcp': [{ HostIp: '127.0.0.1', HostPort: '' }] });
    await waitFor('the container in the Containers view', () => (flatten(api.explorerItems('container')).some((item) => item.id === id) ? true : undefined));
  });
});
