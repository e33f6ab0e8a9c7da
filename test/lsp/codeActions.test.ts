import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction } from 'vscode-languageserver-protocol';
import { codesOf, DiagnosticsWatcher } from './diagnosticsWatcher';
import { startServer, type LspSession } from './lspClient';

const cases = [
  { code: 'JSONArgsRecommended', text: 'FROM alpine\nCMD node "my app.js" --port 80\n' },
  { code: 'InvalidJsonExecForm', text: "FROM alpine\nENTRYPOINT ['/app', '--x']\n" },
  { code: 'MaintainerDeprecated', text: 'FROM alpine\nMAINTAINER Jo <jo@example.com>\n' },
  { code: 'LegacyKeyValueFormat', text: 'FROM alpine\nENV GREETING hello world\n' },
  { code: 'UnknownInstruction', text: 'FROM alpine\nVOLUMN /data\n' },
];

describe('code actions over stdio: apply the edit, re-validate', () => {
  let session: LspSession;
  let watcher: DiagnosticsWatcher;
  before(async () => {
    session = await startServer();
    watcher = new DiagnosticsWatcher(session);
  });
  after(async () => {
    await session.close();
  });

  it('announces quick fixes', () => {
    assert.deepEqual(session.initializeResult.capabilities['codeActionProvider'], { codeActionKinds: ['quickfix'] });
  });

  cases.forEach((fixCase, index) => {
    it(fixCase.code, async () => {
      const uri = `file:///w/fix${index}/Dockerfile`;
      await session.open(uri, fixCase.text);
      const before = await watcher.waitFor(uri, (p) => p.version === 1);
      const diagnostic = before.diagnostics.find((d) => d.code === fixCase.code);
      assert.ok(diagnostic, `${fixCase.code} reported: ${JSON.stringify(codesOf(before))}`);
      const actions = await session.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: diagnostic.range,
        context: { diagnostics: [diagnostic] },
      });
      const edits = actions[0]?.edit?.changes?.[uri];
      assert.ok(edits && edits.length > 0, 'the quick fix carries its edit');
      const document = TextDocument.create(uri, 'dockerfile', 1, fixCase.text);
      const fixed = TextDocument.applyEdits(document, edits);
      await session.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: fixed }] });
      const after = await watcher.waitFor(uri, (p) => p.version === 2);
      const remaining = codesOf(after);
      assert.ok(!remaining.includes(`${fixCase.code}@${diagnostic.range.start.line}`), `${fixCase.code} gone: ${remaining.join(', ')}`);
      assert.deepEqual(remaining.filter((entry) => !codesOf(before).includes(entry)), [], 'nothing new appeared');
    });
  });
});

describe('quick-fix menu over stdio', () => {
  it('offers a fix two diagnostics share once, for both of them', async () => {
    const session = await startServer();
    try {
      const watcher = new DiagnosticsWatcher(session);
      const uri = 'file:///w/dedupe/Dockerfile';
      await session.open(uri, 'FROM alpine\nENTRYPOINT node server.js\nCMD ["--port", "80"]\n');
      const published = await watcher.waitFor(uri, (p) => p.version === 1);
      const onEntrypoint = published.diagnostics.filter((d) => d.range.start.line === 1);
      const codes = onEntrypoint.map((d) => String(d.code)).sort();
      assert.ok(codes.includes('JSONArgsRecommended') && codes.includes('ShellEntrypointIgnoresCmd'), `both rules flag the ENTRYPOINT: ${codes.join(', ')}`);
      const actions = await session.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } },
        context: { diagnostics: onEntrypoint },
      });
      const titles = actions.map((action) => action.title);
      assert.deepEqual(
        titles.filter((title) => title === 'Convert ENTRYPOINT to exec form'),
        ['Convert ENTRYPOINT to exec form'],
        `the menu lists: ${titles.join('; ')}`,
      );
      const convert = actions.find((action) => action.title === 'Convert ENTRYPOINT to exec form');
      assert.deepEqual((convert?.diagnostics ?? []).map((d) => String(d.code)).sort(), codes.filter((code) => code === 'JSONArgsRecommended' || code === 'ShellEntrypointIgnoresCmd'));
    } finally {
      await session.close();
    }
  });
});

describe('inlay hints over stdio', () => {
  it('shows what the final image runs', async () => {
    const session = await startServer();
    try {
      assert.equal(session.initializeResult.capabilities['inlayHintProvider'], true);
      const uri = 'file:///w/hints/Dockerfile';
      await session.open(uri, 'FROM scratch\nENTRYPOINT ["/app"]\nCMD ["--port", "80"]\n');
      const hints = await session.connection.sendRequest<{ label: string; position: { line: number } }[]>('textDocument/inlayHint', {
        textDocument: { uri },
        range: { start: { line: 0, character: 0 }, end: { line: 3, character: 0 } },
      });
      assert.deepEqual(hints.map((hint) => [hint.label, hint.position.line]), [['runs: /app --port 80', 2]]);
    } finally {
      await session.close();
    }
  });
});
