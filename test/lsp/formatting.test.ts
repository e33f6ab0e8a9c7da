import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { TextEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { startServer, type LspSession } from './lspClient';

const uri = 'file:///workspace/formatting/Dockerfile';
const text = 'from alpine\n  run a \\\n b\nrun <<EOF\n   keep\nEOF\n';

describe('formatting over stdio', () => {
  let session: LspSession;
  before(async () => {
    session = await startServer();
    await session.open(uri, text);
  });
  after(async () => {
    await session.close();
  });

  const apply = (edits: TextEdit[]): string => TextDocument.applyEdits(TextDocument.create(uri, 'dockerfile', 1, text), edits);

  it('formats the whole document, leaving heredoc bodies alone', async () => {
    assert.equal(session.initializeResult.capabilities['documentFormattingProvider'], true);
    const edits = await session.connection.sendRequest<TextEdit[]>('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } });
    assert.equal(apply(edits), 'FROM alpine\nRUN a \\\n  b\nRUN <<EOF\n   keep\nEOF\n');
  });

  it('formats a range', async () => {
    assert.equal(session.initializeResult.capabilities['documentRangeFormattingProvider'], true);
    const edits = await session.connection.sendRequest<TextEdit[]>('textDocument/rangeFormatting', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 4 } },
      options: { tabSize: 2, insertSpaces: true },
    });
    assert.equal(apply(edits), 'FROM alpine\n  run a \\\n b\nrun <<EOF\n   keep\nEOF\n');
  });
});
