/**
 * Answers after edits equal a fresh open, for every request kind, over the whole real corpus: each
 * file gets 40 seeded random edits (corpus lines inserted and deleted, continuations, heredoc markers,
 * escape directives, typing) in one server, and a second server opens the final text fresh.
 * Several seeds; a failure names the seed, the file and the request, and bench/editCampaign.ts
 * runs many more seeds.
 *
 * The corpus is split in quarters, one test file each (editEquivalence.q1..q4.test.ts): the runner
 * bounds each file's time, and each quarter runs every seed.
 */
import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { readCorpus } from '../corpus';
import { compareEditedWithFresh, pairOf, type Mismatch } from './editEquivalence';
import { startServer, type LspSession } from './lspClient';

const seeds = [1, 2, 3];
const editsPerDocument = 40;
export const quarters = 4;

/** The tests of one quarter of the corpus (0-based), every seed. */
export function describeEditEquivalence(quarter: number): void {
  describe(`edited documents answer like a fresh open (randomized, corpus quarter ${quarter + 1} of ${quarters})`, () => {
    const corpus = readCorpus();
    const files = corpus.filter((_file, index) => index % quarters === quarter);
    const pool = [...new Set(corpus.flatMap((file) => file.text.split('\n')).filter((line) => line.trim() !== ''))].sort();
    let edited: LspSession;
    let fresh: LspSession;
    let pair: ReturnType<typeof pairOf>;
    before(async () => {
      [edited, fresh] = await Promise.all([startServer(), startServer()]);
      pair = pairOf(edited, fresh);
    });
    after(async () => {
      await Promise.all([edited.close(), fresh.close()]);
    });

    it('reads a corpus of real files', () => {
      assert.ok(corpus.length >= 200, `only ${corpus.length} corpus files`);
    });

    for (const seed of seeds) {
      it(`seed ${seed}`, async () => {
        // Each quarter has its own seed so a failing quarter replays alone.
        const mismatches = await compareEditedWithFresh(pair, { seed: seed * 100 + quarter, files, editsPerDocument, pool });
        assert.equal(edited.process.exitCode, null, 'the edited server died');
        assert.deepEqual(mismatches.slice(0, 5).map(describeMismatch), [], `${mismatches.length} answers differ`);
      });
    }
  });
}

function describeMismatch(mismatch: Mismatch): string {
  return `seed ${mismatch.seed} ${mismatch.file} ${mismatch.what}:\n  edited ${mismatch.edited.slice(0, 400)}\n  fresh  ${mismatch.fresh.slice(0, 400)}`;
}
