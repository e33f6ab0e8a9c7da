import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CompletionItem, CompletionList } from 'vscode-languageserver-protocol';
import { startServer, type LspSession } from './lspClient';

const uri = 'file:///workspace/completion/Dockerfile';

async function labelsAt(session: LspSession, line: number, character: number, docUri = uri): Promise<string[]> {
  const result = await session.connection.sendRequest<CompletionList | CompletionItem[] | null>('textDocument/completion', {
    textDocument: { uri: docUri },
    position: { line, character },
  });
  const items = Array.isArray(result) ? result : (result?.items ?? []);
  return items.map((item) => item.label);
}

describe('completion over stdio', () => {
  let session: LspSession;
  before(async () => {
    session = await startServer();
  });
  after(async () => {
    await session.close();
  });

  it('announces completion with trigger characters', () => {
    const provider = session.initializeResult.capabilities['completionProvider'] as { triggerCharacters?: string[] } | undefined;
    assert.ok(provider?.triggerCharacters?.includes('$'));
    assert.ok(provider?.triggerCharacters?.includes('='));
  });

  it('answers keywords, flags, mount keys and stage names', async () => {
    await session.open(uri, 'FROM alpine AS build\nRUN --mount=type=cache,\nCOPY --from=\n\n');
    assert.ok((await labelsAt(session, 3, 0)).includes('HEALTHCHECK'));
    assert.ok((await labelsAt(session, 1, 23)).includes('sharing='));
    assert.deepEqual(await labelsAt(session, 2, 12), []);
  });

  it('sees a stage added by an incremental edit', async () => {
    await session.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: 'FROM alpine AS test\nFROM alpine\n' }],
    });
    assert.deepEqual(await labelsAt(session, 4, 12), ['build', 'test']);
  });

  it('offers nothing inside a heredoc body', async () => {
    const heredocUri = 'file:///workspace/completion/heredoc/Dockerfile';
    await session.open(heredocUri, 'FROM alpine\nRUN <<EOF\n$\nEOF\n');
    assert.deepEqual(await labelsAt(session, 2, 1, heredocUri), []);
  });

  it('documents items in Simplified Chinese when initialized with zh-CN', async () => {
    const zh = await startServer({ locale: 'zh-CN' });
    try {
      await zh.open(uri, 'FROM alpine\n\n');
      const result = await zh.connection.sendRequest<CompletionList>('textDocument/completion', { textDocument: { uri }, position: { line: 1, character: 0 } });
      const from = result.items.find((item) => item.label === 'FROM');
      const documentation = typeof from?.documentation === 'object' ? from.documentation.value : '';
      assert.match(documentation, /[\u4e00-\u9fff]/);
    } finally {
      await zh.close();
    }
  });
});
