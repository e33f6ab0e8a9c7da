/**
 * Every real Dockerfile of the corpus (test/fixtures/corpus) opens in the real server and answers completion, hover,
 * document symbols, folding, formatting and definition at several positions, without an error
 * response and without the process dying.
 */
import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { corpusDir, readCorpus } from '../corpus';
import { startServer, type LspSession } from './lspClient';

/** A handful of positions: start, middle and end of the first, a middle and the last line. */
function probePositions(text: string): { line: number; character: number }[] {
  const lines = text.split('\n');
  const picks = new Set([0, Math.floor(lines.length / 2), Math.max(0, lines.length - 2)]);
  return [...picks].flatMap((line) => {
    const length = lines[line]?.length ?? 0;
    return [0, Math.floor(length / 2), length].map((character) => ({ line, character }));
  });
}

describe('real corpus over stdio', () => {
  let session: LspSession;
  before(async () => {
    session = await startServer();
  });
  after(async () => {
    await session.close();
  });

  it('answers every kind of request on every file', async () => {
    const files = readCorpus();
    assert.ok(files.length > 0, `no files in ${corpusDir}`);
    const failures: string[] = [];
    for (const { name: file, text } of files) {
      const uri = `file:///corpus/${encodeURIComponent(file)}`;
      await session.open(uri, text);
      const textDocument = { uri };
      const requests: [string, Promise<unknown>][] = [
        ['documentSymbol', session.connection.sendRequest('textDocument/documentSymbol', { textDocument })],
        ['foldingRange', session.connection.sendRequest('textDocument/foldingRange', { textDocument })],
        ['formatting', session.connection.sendRequest('textDocument/formatting', { textDocument, options: { tabSize: 4, insertSpaces: true } })],
      ];
      for (const position of probePositions(text)) {
        for (const method of ['completion', 'hover', 'definition']) {
          requests.push([`${method}@${position.line}:${position.character}`, session.connection.sendRequest(`textDocument/${method}`, { textDocument, position })]);
        }
      }
      const settled = await Promise.allSettled(requests.map(([, promise]) => promise));
      settled.forEach((outcome, index) => {
        if (outcome.status === 'rejected') {
          failures.push(`${file} ${requests[index]?.[0] ?? ''}: ${String(outcome.reason)}`);
        }
      });
      await session.connection.sendNotification('textDocument/didClose', { textDocument });
      assert.equal(session.process.exitCode, null, `server died on ${file}`);
    }
    assert.deepEqual(failures, []);
  });
});
