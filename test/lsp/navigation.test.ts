import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { DocumentHighlight, Location, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { startServer, type LspSession } from './lspClient';

const uri = 'file:///workspace/navigation/Dockerfile';
const text = 'ARG BASE=alpine\nFROM $BASE AS build\nENV OUT=/out\nRUN make $OUT\nFROM alpine\nCOPY --from=build /out /\n';

describe('navigation over stdio', () => {
  let session: LspSession;
  before(async () => {
    session = await startServer();
    await session.open(uri, text);
  });
  after(async () => {
    await session.close();
  });

  const request = <T>(method: string, line: number, character: number, extra: Record<string, unknown> = {}): Promise<T> =>
    session.connection.sendRequest<T>(method, { textDocument: { uri }, position: { line, character }, ...extra });

  it('announces definition, references, highlight and rename with prepare', () => {
    const capabilities = session.initializeResult.capabilities;
    assert.equal(capabilities['definitionProvider'], true);
    assert.equal(capabilities['referencesProvider'], true);
    assert.equal(capabilities['documentHighlightProvider'], true);
    assert.deepEqual(capabilities['renameProvider'], { prepareProvider: true });
  });

  it('goes from COPY --from to the stage name', async () => {
    const locations = await request<Location[]>('textDocument/definition', 5, 13);
    assert.deepEqual(locations.map((location) => location.range.start), [{ line: 1, character: 14 }]);
  });

  it('goes from $BASE in FROM to the global ARG', async () => {
    const locations = await request<Location[]>('textDocument/definition', 1, 7);
    assert.deepEqual(locations.map((location) => location.range.start), [{ line: 0, character: 4 }]);
  });

  it('lists references and highlights of a variable', async () => {
    const references = await request<Location[]>('textDocument/references', 2, 5, { context: { includeDeclaration: true } });
    assert.deepEqual(references.map((location) => location.range.start.line), [2, 3]);
    const highlights = await request<DocumentHighlight[]>('textDocument/documentHighlight', 3, 11);
    assert.deepEqual(highlights.map((highlight) => highlight.kind), [3, 2]);
  });

  it('prepares and performs a stage rename', async () => {
    const prepared = await request<{ placeholder: string }>('textDocument/prepareRename', 1, 15);
    assert.equal(prepared.placeholder, 'build');
    const edit = await request<WorkspaceEdit>('textDocument/rename', 1, 15, { newName: 'compile' });
    assert.deepEqual(edit.changes?.[uri]?.map((change) => change.range.start.line), [1, 5]);
  });

  it('refuses an invalid new name with an error response and keeps running', async () => {
    await assert.rejects(request('textDocument/rename', 2, 5, { newName: 'not valid' }), /not a valid variable name/);
    assert.equal(session.process.exitCode, null);
  });
});
