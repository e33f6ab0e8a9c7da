/** A careless or hostile client must not crash the server or roll a document back. */
import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Hover } from 'vscode-languageserver-protocol';
import { startServer, type LspSession } from './lspClient';

describe('server robustness against client mistakes', () => {
  let session: LspSession;
  before(async () => {
    session = await startServer();
  });
  after(async () => {
    await session.close();
  });

  const unknownUri = 'file:///never/opened/Dockerfile';
  const requests: [string, unknown][] = [
    ['textDocument/hover', { textDocument: { uri: unknownUri }, position: { line: 0, character: 0 } }],
    ['textDocument/completion', { textDocument: { uri: unknownUri }, position: { line: 0, character: 0 } }],
    ['textDocument/documentSymbol', { textDocument: { uri: unknownUri } }],
    ['textDocument/foldingRange', { textDocument: { uri: unknownUri } }],
    ['textDocument/formatting', { textDocument: { uri: unknownUri }, options: { tabSize: 2, insertSpaces: true } }],
  ];
  for (const [method, params] of requests) {
    it(`answers ${method} for a document it never saw without an error`, async () => {
      const result: unknown = await session.connection.sendRequest(method, params);
      assert.ok(result === null || Array.isArray(result) || typeof result === 'object');
    });
  }

  it('answers out-of-range positions', async () => {
    const uri = 'file:///abuse/range/Dockerfile';
    await session.open(uri, 'FROM busybox\nRUN echo hi\n');
    for (const position of [{ line: 99, character: 0 }, { line: 0, character: 999 }, { line: 1, character: 10_000 }]) {
      await session.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position });
      await session.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position });
    }
    assert.equal(session.process.exitCode, null);
  });

  it('survives a cancelled request and keeps answering', async () => {
    const uri = 'file:///abuse/cancel/Dockerfile';
    await session.open(uri, 'FROM busybox\n');
    const source = new (await import('vscode-jsonrpc')).CancellationTokenSource();
    const pending = session.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 1 } }, source.token);
    source.cancel();
    await pending.catch(() => undefined);
    const hover = await session.connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 1 } });
    assert.ok(hover);
  });

  it('ignores an out-of-order (older) version instead of rolling the text back', async () => {
    const uri = 'file:///abuse/versions/Dockerfile';
    await session.open(uri, 'FROM busybox\n', 5);
    await session.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [{ text: 'garbage\n' }] });
    const symbols = await session.connection.sendRequest<unknown[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.ok(Array.isArray(symbols) && symbols.length === 1, 'still the FROM stage');
  });
});
