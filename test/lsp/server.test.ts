import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Hover } from 'vscode-languageserver-protocol';
import { parseCountRequest, type ParseCountResult } from '../../server/src/protocol';
import { startServer, type LspSession } from './lspClient';

const uri = 'file:///workspace/Dockerfile';

function hoverText(hover: Hover | null): string {
  if (!hover) {
    return '';
  }
  const contents = hover.contents;
  return typeof contents === 'object' && 'value' in contents ? contents.value : JSON.stringify(contents);
}

describe('language server over stdio', () => {
  let session: LspSession;
  before(async () => {
    session = await startServer();
  });
  after(async () => {
    await session.close();
  });

  it('announces incremental sync and hover', () => {
    const capabilities = session.initializeResult.capabilities;
    assert.deepEqual(capabilities['textDocumentSync'], { openClose: true, change: 2 });
    assert.equal(capabilities['hoverProvider'], true);
  });

  it('answers hover on an instruction keyword', async () => {
    await session.open(uri, 'FROM busybox\nCMD ["sh"]\n');
    const hover = await session.connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 2 } });
    assert.match(hoverText(hover), /FROM/);
  });

  it('applies incremental edits before answering', async () => {
    await session.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 3 } }, text: 'FROM' }],
    });
    const hover = await session.connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 1 } });
    assert.match(hoverText(hover), /Starts a new build stage/);
  });

  it('parses each version once across many requests', async () => {
    const docUri = 'file:///workspace/cache/Dockerfile';
    const before = await session.connection.sendRequest<ParseCountResult>(parseCountRequest);
    await session.open(docUri, 'FROM a\nRUN true\n');
    for (let i = 0; i < 10; i += 1) {
      await session.connection.sendRequest('textDocument/hover', { textDocument: { uri: docUri }, position: { line: 1, character: 1 } });
    }
    const afterCount = await session.connection.sendRequest<ParseCountResult>(parseCountRequest);
    assert.equal(afterCount.parses - before.parses, 1);
  });

  it('answers null for a document it never saw, and keeps running', async () => {
    const hover = await session.connection.sendRequest('textDocument/hover', { textDocument: { uri: 'file:///unknown' }, position: { line: 0, character: 0 } });
    assert.equal(hover, null);
    assert.equal(session.process.exitCode, null);
  });

  it('answers in Simplified Chinese when initialized with zh-CN', async () => {
    const zh = await startServer({ locale: 'zh-CN' });
    try {
      await zh.open(uri, 'FROM busybox\n');
      const hover = await zh.connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 1 } });
      assert.match(hoverText(hover), /构建阶段/);
    } finally {
      await zh.close();
    }
  });
});
