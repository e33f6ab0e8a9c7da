import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FoldingRange } from 'vscode-languageserver-protocol';
import { startServer, type LspSession } from './lspClient';

const uri = 'file:///workspace/folding/Dockerfile';

describe('folding ranges over stdio', () => {
  let session: LspSession;
  before(async () => {
    session = await startServer();
  });
  after(async () => {
    await session.close();
  });

  it('folds comment blocks, stages, multi-line instructions and heredocs', async () => {
    assert.equal(session.initializeResult.capabilities['foldingRangeProvider'], true);
    await session.open(uri, '# a\n# b\nFROM alpine\nRUN a \\\n  b\nRUN <<EOF\necho\nEOF\n');
    const ranges = await session.connection.sendRequest<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri } });
    assert.deepEqual(
      ranges.map((range) => `${range.startLine}-${range.endLine}`),
      ['0-1', '2-7', '3-4', '5-7'],
    );
  });
});
