import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { DocumentSymbol } from 'vscode-languageserver-protocol';
import { startServer, type LspSession } from './lspClient';

const uri = 'file:///workspace/symbols/Dockerfile';

describe('document symbols over stdio', () => {
  let session: LspSession;
  before(async () => {
    session = await startServer();
  });
  after(async () => {
    await session.close();
  });

  it('answers a hierarchy of stages with their instructions', async () => {
    assert.ok(session.initializeResult.capabilities['documentSymbolProvider']);
    await session.open(uri, 'ARG V=1\nFROM alpine AS build\nRUN make\nFROM scratch\nCOPY --from=build /out /\n');
    const symbols = await session.connection.sendRequest<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.deepEqual(
      symbols.map((symbol) => [symbol.name, (symbol.children ?? []).map((child) => child.name)]),
      [['ARG', ['V']], ['build', ['FROM', 'RUN']], ['scratch', ['FROM', 'COPY']]],
    );
  });
});
