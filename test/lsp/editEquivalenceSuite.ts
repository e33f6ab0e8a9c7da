/**
 * Answers after edits equal a fresh open, for every request kind, over the whole real corpus: each
 * file gets 40 seeded random edits (corpus lines inserted and deleted, continuations, heredoc markers,
 * escape directives, typing) in one server, and a second server opens the final text fresh.
 * Several seeds; a failure names the seed, the file and the request, and bench/editCampaign.ts
 * replays a seed (or runs many more).
 */
import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { readCorpus } from './corpus';
import { compareEditedWithFresh, pairOf, type Mismatch } from './editEquivalence';
import { startServer, type LspSession } from './lspClient';

const seeds = [1, 2, 3];
const editsPerDocument = 40;

/** The corpus split in parts, each one test: a part stays well inside the runner's per-test timeout. */
const parts = 8;

describe('edited documents answer like a fresh open (randomized, whole corpus)', () => {
  const corpus = readCorpus();
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
    for (let part = 0; part < parts; part += 1) {
      it(`seed ${seed}, part ${part + 1} of ${parts}`, async () => {
        const files = corpus.filter((_file, index) => index % parts === part);
        // Each part has its own seed so a failing part replays alone.
        const mismatches = await compareEditedWithFresh(pair, { seed: seed * 100 + part, files, editsPerDocument, pool });
        assert.equal(edited.process.exitCode, null, 'the edited server died');
        assert.deepEqual(mismatches.slice(0, 5).map(describeMismatch), [], `${mismatches.length} answers differ`);
      });
    }
  }
});

function describeMismatch(mismatch: Mismatch): string {
  return `seed ${mismatch.seed} ${mismatch.file} ${mismatch.what}:\n  edited ${mismatch.edited.slice(0, 400)}\n  fresh  ${mismatch.fresh.slice(0, 400)}`;
}
