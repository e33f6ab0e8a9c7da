/**
 * Seeded fuzzing of the real server over stdio: mutated corpus files, every request kind at random
 * positions. Fails on a crash, an unanswered request, an internal error, a logged handler error,
 * or a request slower than 1 s on a file under 10,000 lines. Repeat a failure with the printed seed:
 *   BERTHWISE_FUZZ_SEED=<seed> BERTHWISE_FUZZ_ITERATIONS=<n> npm test -- lsp
 * (scripts/fuzz.sh runs a longer campaign).
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { after, before, describe, it } from 'node:test';
import { createRandom, mutate } from '../fuzz/mutate';
import { randomRequest } from '../fuzz/requests';
import { corpusDir, corpusFileNames } from '../corpus';
import { startServer, type LspSession } from './lspClient';

const seed = Number(process.env['BERTHWISE_FUZZ_SEED'] ?? '20261123');
const iterations = Number(process.env['BERTHWISE_FUZZ_ITERATIONS'] ?? '120');
const requestsPerDocument = 10;
const slowLimitMs = 1000;

interface Problem {
  readonly what: string;
  readonly replay: string;
}

describe(`language-server fuzzing (seed ${seed}, ${iterations} documents)`, () => {
  let session: LspSession;
  const loggedErrors: string[] = [];
  const corpus = corpusFileNames().map((name) => readFileSync(join(corpusDir, name), 'utf8'));

  before(async () => {
    session = await startServer();
    session.connection.onNotification('window/logMessage', (params: { type: number; message: string }) => {
      if (params.type === 1) {
        loggedErrors.push(params.message);
      }
    });
  });
  after(async () => {
    await session.close();
  });

  async function exercise(uri: string, text: string, random: () => number, replay: string, problems: Problem[]): Promise<void> {
    const lineCount = text.split('\n').length;
    await session.open(uri, text);
    for (let i = 0; i < requestsPerDocument; i += 1) {
      const request = randomRequest(uri, text, random);
      const started = performance.now();
      try {
        await session.connection.sendRequest(request.method, request.params);
      } catch (error) {
        const code = (error as { code?: number }).code;
        // -32800 (cancelled) and -32801 (content modified) are legitimate answers; anything else is a bug.
        if (code !== -32800 && code !== -32801) {
          problems.push({ what: `${request.method} answered an error: ${String((error as Error).message)}`, replay });
        }
      }
      const elapsed = performance.now() - started;
      if (lineCount < 10_000 && elapsed > slowLimitMs) {
        problems.push({ what: `${request.method} took ${elapsed.toFixed(0)} ms on ${lineCount} lines`, replay });
      }
    }
    await session.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  it('answers every request on mutated corpus files without a crash, an error or a slow reply', async () => {
    const random = createRandom(seed);
    const problems: Problem[] = [];
    for (let iteration = 0; iteration < iterations; iteration += 1) {
      const sourceIndex = Math.floor(random() * corpus.length);
      const { text, applied } = mutate(corpus[sourceIndex] ?? '', random);
      const replay = `seed ${seed}, iteration ${iteration}, corpus file #${sourceIndex}, mutations: ${applied.join(' + ')}`;
      await exercise(`file:///fuzz/${iteration}/Dockerfile`, text, random, replay, problems);
      assert.equal(session.process.exitCode, null, `the server exited (${replay}); stderr: ${session.stderr()}`);
    }
    assert.deepEqual(problems.slice(0, 10), [], `${problems.length} problem(s)`);
    assert.deepEqual(loggedErrors.slice(0, 5), [], 'handlers logged errors');
  });

  it('answers on a 1 MB single-line file and on a file of NUL bytes', async () => {
    const random = createRandom(seed + 1);
    const problems: Problem[] = [];
    await exercise('file:///fuzz/huge/Dockerfile', `RUN echo ${'a'.repeat(1024 * 1024)}`, random, '1 MB line', problems);
    await exercise('file:///fuzz/nul/Dockerfile', '\u0000'.repeat(4096), random, 'NUL bytes', problems);
    assert.deepEqual(problems, []);
    assert.deepEqual(loggedErrors.slice(0, 5), []);
  });
});
