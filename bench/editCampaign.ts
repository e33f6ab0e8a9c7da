/**
 * A longer randomized edit campaign than the lsp suite runs: many seeds over the whole corpus, each
 * file edited (40 random edits by default) in one server and opened fresh in another, every answer
 * compared (see test/lsp/editEquivalence.ts). Not part of CI.
 *   node out/bench/editCampaign.js [seedCount=20] [firstSeed=1000] [editsPerDocument=40]
 * EDIT_CAMPAIGN_BUNDLE=path/to/server.js runs another build of the server (both sides), e.g. an older one.
 * Prints each mismatch (seed, file, request) and exits with 1 if there was any.
 */
import { readCorpus } from '../test/corpus';
import { compareEditedWithFresh, pairOf } from '../test/lsp/editEquivalence';
import { startServer } from '../test/lsp/lspClient';

function numberArgument(index: number, fallback: number): number {
  const raw = process.argv[index];
  const value = raw === undefined ? fallback : Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    throw new Error(`argument ${index - 1} must be a whole number, got ${String(raw)}`);
  }
  return value;
}

async function main(): Promise<void> {
  const seedCount = numberArgument(2, 20);
  const firstSeed = numberArgument(3, 1000);
  const editsPerDocument = numberArgument(4, 40);
  const corpus = readCorpus();
  const pool = [...new Set(corpus.flatMap((file) => file.text.split('\n')).filter((line) => line.trim() !== ''))].sort();
  const bundle = process.env['EDIT_CAMPAIGN_BUNDLE'];
  const [edited, fresh] = await Promise.all([startServer(bundle ? { bundle } : {}), startServer(bundle ? { bundle } : {})]);
  const logs: string[] = [];
  edited.connection.onNotification('window/logMessage', (params: { message: string }) => {
    logs.push(params.message);
  });
  const pair = pairOf(edited, fresh);
  let failures = 0;
  try {
    for (let seed = firstSeed; seed < firstSeed + seedCount; seed += 1) {
      const started = Date.now();
      const mismatches = await compareEditedWithFresh(pair, { seed, files: corpus, editsPerDocument, pool });
      failures += mismatches.length;
      console.log(`seed ${seed}: ${corpus.length} files, ${mismatches.length} mismatches, ${((Date.now() - started) / 1000).toFixed(1)} s`);
      for (const mismatch of mismatches) {
        console.log(`  ${mismatch.file} ${mismatch.what}\n    edited ${mismatch.edited.slice(0, 300)}\n    fresh  ${mismatch.fresh.slice(0, 300)}`);
      }
      for (const line of logs.splice(0)) {
        console.log(`  server log: ${line.slice(0, 2000)}`);
      }
    }
  } finally {
    await Promise.all([edited.close(), fresh.close()]);
  }
  process.exitCode = failures > 0 ? 1 : 0;
}

void main();
