/**
 * Workspace Trust in the real editor. The workbench opens the fixture workspace untrusted (restricted
 * mode) with DOCKER_HOST on a socket that counts connections and forwards them to the real engine.
 * The language features must work there without a single engine connection, although the open
 * Dockerfile's FROM names an image the engine has. Then trust is granted through the workbench UI,
 * and the same document makes the server ask the engine about that image: the positive control
 * that the counter would have seen such calls. The test process owns the counter and the browser;
 * this suite asks it through the control socket (test/controlSocket.ts).
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { askControlSocket } from '../../controlSocket';
import { waitFor } from '../suite/waitFor';

const baseImage = 'berthwise-test/busybox:latest';
/** The request line of `GET /images/{name}/json`, the inspect behind `berthwise/imageConfig`. */
const inspectOfBase = /^GET \S*\/images\/berthwise-test(\/|%2F)busybox(:|%3A)latest\/json/;

const control = (command: string): Promise<string> => {
  const path = process.env['BERTHWISE_TRUST_CONTROL'];
  assert.ok(path, 'BERTHWISE_TRUST_CONTROL names the test process’s control socket');
  return askControlSocket(path, command);
};
const engineConnections = async (): Promise<number> => Number(await control('count'));
const engineRequests = async (): Promise<string[]> => JSON.parse(await control('requests')) as string[];

const hoverText = (hovers: vscode.Hover[]): string =>
  hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : content.value))
    .join('\n');
const labelOf = (item: vscode.CompletionItem): string => (typeof item.label === 'string' ? item.label : item.label.label);
const codeOf = (diagnostic: vscode.Diagnostic): string => {
  const code = diagnostic.code;
  return typeof code === 'object' && code !== null ? String(code.value) : String(code);
};

const completionLabels = async (document: vscode.TextDocument, position: vscode.Position): Promise<string[]> =>
  (await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position)).items.map(labelOf);

describe('Workspace Trust in the editor (restricted mode, counted engine socket)', () => {
  let dockerfile: vscode.TextDocument;
  /** An unsaved Dockerfile for what the workspace file lacks: a warning to publish and a `COPY --from=`. */
  let scratch: vscode.TextDocument;
  const copyFrom = new vscode.Position(3, 12);

  it('opens the fixture workspace untrusted, with no engine connection so far', async () => {
    assert.equal(vscode.workspace.isTrusted, false, 'the workspace is in restricted mode');
    assert.equal(await engineConnections(), 0);
  });

  it('restricted: hover, completion, diagnostics and folding work on a Dockerfile whose FROM is a local image', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the fixture workspace is open');
    dockerfile = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, 'Dockerfile'));
    assert.equal(dockerfile.languageId, 'dockerfile');
    assert.ok(dockerfile.lineAt(0).text.startsWith(`FROM ${baseImage}`), dockerfile.lineAt(0).text);
    const cmdLine = dockerfile.getText().split('\n').findIndex((line) => line.startsWith('CMD'));
    assert.ok(cmdLine > 0, 'the fixture has a CMD');
    await vscode.window.showTextDocument(dockerfile);

    const fromHover = await waitFor('a FROM hover', async () => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', dockerfile.uri, new vscode.Position(0, 1));
      return hovers.length > 0 ? hoverText(hovers) : undefined;
    });
    assert.match(fromHover, /base image/i);
    const cmdHover = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', dockerfile.uri, new vscode.Position(cmdLine, 1)));
    assert.match(cmdHover, /CMD/);
    assert.match(cmdHover, /echo hello/);
    // What `docker run` executes depends on the base image's ENTRYPOINT, which only the engine knows.
    assert.match(cmdHover, /unknown: it depends on the CMD\/ENTRYPOINT of the base image/);

    const keywords = await completionLabels(dockerfile, new vscode.Position(1, 0));
    assert.ok(keywords.includes('RUN') && keywords.includes('HEALTHCHECK'), keywords.join(', '));

    scratch = await vscode.workspace.openTextDocument({ language: 'dockerfile', content: `FROM ${baseImage} AS build\nFROM ${baseImage}\nENV GREETING hello\nCOPY --from=\n` });
    const diagnostics = await waitFor('diagnostics on the unsaved Dockerfile', () => {
      const current = vscode.languages.getDiagnostics(scratch.uri);
      return current.some((d) => codeOf(d) === 'LegacyKeyValueFormat') ? current : undefined;
    });
    assert.ok(diagnostics.length > 0);
    const ranges = await vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', scratch.uri);
    assert.ok(Array.isArray(ranges));
  });

  it('restricted: COPY --from= offers the stage but no local image, and nothing shows what the base image runs', async () => {
    // Asked twice: the server fetches local images in the background after the first request,
    // so a trusted workspace shows them on the second (the positive control below does the same).
    await completionLabels(scratch, copyFrom);
    const labels = await completionLabels(scratch, copyFrom);
    assert.ok(labels.includes('build'), labels.join(', '));
    assert.ok(!labels.some((label) => label.includes('busybox')), `no local image offered: ${labels.join(', ')}`);

    // `runs: …` needs the base image's ENTRYPOINT, which only the engine could tell.
    const hints = await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', dockerfile.uri, new vscode.Range(0, 0, dockerfile.lineCount, 0));
    assert.deepEqual(hints.map((hint) => (typeof hint.label === 'string' ? hint.label : hint.label.map((part) => part.value).join(''))), []);
  });

  it('restricted: the hover shows in the editor (screenshot), with the Restricted Mode indicator', async () => {
    const editor = await vscode.window.showTextDocument(dockerfile);
    const cmdLine = dockerfile.getText().split('\n').findIndex((line) => line.startsWith('CMD'));
    editor.selection = new vscode.Selection(cmdLine, 1, cmdLine, 1);
    await vscode.commands.executeCommand('editor.action.showHover');
    assert.equal(await control('screenshot-hover'), 'ok');
    await vscode.commands.executeCommand('editor.action.hideHover').then(undefined, () => undefined);
  });

  it('restricted: zero engine connections while the Dockerfiles were open and every request was answered', async () => {
    assert.equal(vscode.workspace.isTrusted, false);
    assert.deepEqual(await engineRequests(), [], 'no request reached the engine');
    assert.equal(await engineConnections(), 0);
  });

  it('trusted (positive control): once trust is granted in the UI, the server asks the engine about the base image and completion lists local images', async () => {
    const granted = new Promise<void>((resolve) => vscode.workspace.onDidGrantWorkspaceTrust(() => resolve()));
    const reply = await control('grant-trust');
    assert.match(reply, /^ok /, reply);
    // The count at the moment the Trust button was pressed: the whole restricted period.
    assert.equal(Number(reply.slice(3)), 0, 'no engine connection during restricted mode');
    await granted;
    assert.equal(vscode.workspace.isTrusted, true);

    // The client restarts the server on trust; it re-reads the open documents and asks about their FROM.
    const requests = await waitFor('the inspect of the base image through the counted socket', async () => {
      const seen = await engineRequests();
      return seen.some((line) => inspectOfBase.test(line)) ? seen : undefined;
    });
    assert.ok((await engineConnections()) > 0, requests.join('\n'));

    const labels = await waitFor('local images in the --from completion', async () => {
      const found = await completionLabels(scratch, copyFrom);
      return found.includes(baseImage) ? found : undefined;
    });
    assert.ok(labels.includes('build'));
    const after = await engineRequests();
    assert.ok(after.some((line) => /^GET \S*\/images\/json/.test(line)), after.join('\n'));
  });
});
