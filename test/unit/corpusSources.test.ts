/**
 * The corpus copied into the repository stays accountable: every Dockerfile has its row in
 * SOURCES.tsv with the same SHA-1, a licence that allows redistribution, and licence files that exist.
 */
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const corpusRoot = join(__dirname, '..', '..', '..', 'test', 'fixtures', 'corpus');
const redistributable = new Set(['Apache-2.0', 'MIT', 'BSD-2-Clause', 'BSD-3-Clause', 'CC0-1.0', 'Apache-2.0 OR MIT']);

interface SourceRow {
  readonly file: string;
  readonly sha1: string;
  readonly license: string;
  readonly licenseFiles: string[];
}

function sourceRows(): SourceRow[] {
  const [header = '', ...lines] = readFileSync(join(corpusRoot, 'SOURCES.tsv'), 'utf8').trimEnd().split('\n');
  const columns = header.split('\t');
  const at = (cells: string[], name: string): string => cells[columns.indexOf(name)] ?? '';
  return lines.map((line) => {
    const cells = line.split('\t');
    return { file: at(cells, 'file'), sha1: at(cells, 'sha1'), license: at(cells, 'license'), licenseFiles: at(cells, 'license_files').split(' ').filter(Boolean) };
  });
}

describe('corpus sources and licences', () => {
  it('lists every Dockerfile once, with the SHA-1 of its contents', () => {
    const rows = sourceRows();
    const files = readdirSync(join(corpusRoot, 'dockerfiles')).sort();
    assert.deepEqual(rows.map((row) => row.file).sort(), files);
    const mismatched = rows.filter((row) => createHash('sha1').update(readFileSync(join(corpusRoot, 'dockerfiles', row.file))).digest('hex') !== row.sha1);
    assert.deepEqual(mismatched.map((row) => row.file), []);
  });

  it('has only redistributable licences, each with its licence files in the repository', () => {
    const problems = sourceRows().flatMap((row) => [
      ...(redistributable.has(row.license) ? [] : [`${row.file}: licence ${row.license}`]),
      ...(row.licenseFiles.length === 0 ? [`${row.file}: no licence file`] : []),
      ...row.licenseFiles.filter((file) => !existsSync(join(corpusRoot, file))).map((file) => `${row.file}: missing ${file}`),
    ]);
    assert.deepEqual(problems, []);
  });
});
