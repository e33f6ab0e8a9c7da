/**
 * The language server through the real editor: completion, hover with the effective command,
 * diagnostics and a quick fix applied to the document, as a user would see them.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { waitFor } from './waitFor';

async function open(content: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument({ language: 'dockerfile', content });
  await vscode.window.showTextDocument(document);
  return document;
}

const hoverText = (hovers: vscode.Hover[]): string =>
  hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : content.value))
    .join('\n');

describe('Dockerfile language features in the editor', () => {
  it('completes instruction keywords and RUN --mount types', async () => {
    const document = await open('FROM berthwise-test/busybox:latest\nRU\nRUN --mount=type=\n');
    const keywords = await waitFor('keyword completions', async () => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, new vscode.Position(1, 2));
      return list.items.length > 0 ? list.items : undefined;
    });
    assert.ok(keywords.some((item) => (typeof item.label === 'string' ? item.label : item.label.label) === 'RUN'));
    const mountTypes = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, new vscode.Position(2, 17));
    const labels = mountTypes.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
    for (const type of ['cache', 'bind', 'secret', 'ssh', 'tmpfs']) {
      assert.ok(labels.includes(type), `offers ${type} (got ${labels.join(', ')})`);
    }
  });

  it('offers instruction templates (apk, apt, USER, HEALTHCHECK) only after the first FROM', async () => {
    const document = await open('\nFROM berthwise-test/busybox:latest\n\n');
    const labelsAt = async (line: number): Promise<string[]> => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, new vscode.Position(line, 0));
      return list.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
    };
    // Wait for the server: below FROM its keywords and templates arrive together.
    const after = await waitFor('completions below FROM', async () => {
      const found = await labelsAt(2);
      return found.includes('RUN') ? found : undefined;
    });
    for (const template of ['apk', 'apt', 'nonroot', 'healthcheck']) {
      assert.ok(after.includes(template), `${template} offered below FROM (got ${after.join(', ')})`);
    }
    const before = await labelsAt(0);
    assert.ok(before.includes('FROM'), `FROM offered above FROM (got ${before.join(', ')})`);
    const misplaced = before.filter((label) => ['apk', 'apt', 'apt-get', 'nonroot', 'USER', 'healthcheck', 'HEALTHCHECK', 'entrypoint-cmd'].includes(label));
    assert.deepEqual(misplaced, [], `nothing but ARG/FROM/a new stage above the first FROM (got ${before.join(', ')})`);
  });

  it('offers stage names, then the engine\'s local images, after COPY --from=', async () => {
    const document = await open('FROM berthwise-test/busybox:latest AS build\nFROM berthwise-test/busybox:latest\nCOPY --from=\n');
    const labels = await waitFor('local images in the --from completion', async () => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, new vscode.Position(2, 12));
      const found = list.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
      return found.includes('berthwise-test/busybox:latest') ? found : undefined;
    });
    assert.equal(labels[0], 'build', 'the stage name comes first');
  });

  it('shows what docker run executes when hovering ENTRYPOINT', async () => {
    const document = await open('FROM berthwise-test/busybox:latest\nENTRYPOINT ["httpd", "-f"]\nCMD ["-p", "8080"]\n');
    const text = await waitFor('an ENTRYPOINT hover', async () => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, new vscode.Position(1, 3));
      return hovers.length > 0 ? hoverText(hovers) : undefined;
    });
    assert.match(text, /ENTRYPOINT/);
    assert.match(text, /httpd/);
    assert.match(text, /8080/);
  });

  it('flags a shell-form ENTRYPOINT with a CMD, and fixes legacy ENV through a quick fix', async () => {
    const document = await open('FROM berthwise-test/busybox:latest\nENV GREETING hello\nENTRYPOINT echo hi\nCMD ["--verbose"]\n');
    const diagnostics = await waitFor('diagnostics', () => {
      const current = vscode.languages.getDiagnostics(document.uri);
      return current.some((d) => codeOf(d) === 'LegacyKeyValueFormat') ? current : undefined;
    });
    assert.ok(diagnostics.some((d) => codeOf(d) === 'ShellEntrypointIgnoresCmd'), diagnostics.map(codeOf).join(', '));

    const legacy = diagnostics.find((d) => codeOf(d) === 'LegacyKeyValueFormat');
    assert.ok(legacy);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, legacy.range);
    // The quick fix for this diagnostic is the one whose edit rewrites line 1 (the legacy ENV).
    const fix = actions.find((action) => action.kind?.value.startsWith('quickfix') && action.edit?.get(document.uri).some((edit) => edit.range.start.line === 1));
    assert.ok(fix?.edit, `a quick fix is offered (got ${actions.map((a) => a.title).join('; ')})`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.equal(document.lineAt(1).text, 'ENV GREETING=hello');
    await waitFor('the legacy-ENV warning to go away', () =>
      vscode.languages.getDiagnostics(document.uri).some((d) => codeOf(d) === 'LegacyKeyValueFormat') ? undefined : true,
    );
  });
});

function codeOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return typeof code === 'object' && code !== null ? String(code.value) : String(code);
}
