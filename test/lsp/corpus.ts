/**
 * Where the real-Dockerfile corpus is read from: the one place to change when it moves.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The folder of real Dockerfiles (one file each), relative to the compiled test. */
export const corpusDir = join(__dirname, '..', '..', '..', '..', 'shared', 'corpus', 'real');

/** Every Dockerfile of the corpus (not its list of sources), sorted by name. */
export function readCorpus(): { name: string; text: string }[] {
  return readdirSync(corpusDir)
    .filter((name) => name !== 'SOURCES.tsv')
    .sort()
    .map((name) => ({ name, text: readFileSync(join(corpusDir, name), 'utf8') }));
}
