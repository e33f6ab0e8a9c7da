/**
 * The corpus of real Dockerfiles that tests and benchmarks read: test/fixtures/corpus/dockerfiles,
 * copied into the repository with its sources and licences (see test/fixtures/corpus/NOTICE.md).
 * BERTHWISE_CORPUS points the readers at another folder of Dockerfiles.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** This file runs from out/test/, two levels below the repository root. */
const repoRoot = resolve(__dirname, '..', '..');

export const corpusDir = process.env['BERTHWISE_CORPUS'] ?? join(repoRoot, 'test', 'fixtures', 'corpus', 'dockerfiles');

/** The corpus's file names, sorted; anything that is not a Dockerfile (a source list) is left out. */
export function corpusFileNames(): string[] {
  return readdirSync(corpusDir)
    .filter((name) => name !== 'SOURCES.tsv')
    .sort();
}

/** Every Dockerfile of the corpus with its text, sorted by name. */
export function readCorpus(): { name: string; text: string }[] {
  return corpusFileNames().map((name) => ({ name, text: readFileSync(join(corpusDir, name), 'utf8') }));
}
