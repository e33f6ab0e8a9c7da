import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { DockerfileParser } from 'dockerfile-ast';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { computeFindings } from '../../../../../../server/src/features/diagnostics/computeDiagnostics';
import type { ImageConfig, ImageConfigLookup } from '../../../../../../server/src/semantics/imageConfig';

/** BuildKit's own lint test cases, written down in our data file (its header names the source and commit). */
interface Expected {
  readonly rule: string;
  readonly line: number;
}
interface ConformanceCase {
  readonly name: string;
  readonly sourceLine: number;
  readonly dockerfile: string;
  readonly expected: readonly Expected[];
  readonly dockerignore?: string;
  readonly skip?: string;
}
interface ConformanceData {
  readonly source: { readonly repository: string; readonly commit: string; readonly file: string };
  readonly images: Readonly<Record<string, { readonly env: readonly string[] }>>;
  readonly cases: readonly ConformanceCase[];
}

const repoRoot = join(__dirname, '..', '..', '..', '..', '..', '..', '..');
const data = JSON.parse(readFileSync(join(repoRoot, 'test', 'fixtures', 'buildkitChecks', 'cases.json'), 'utf8')) as ConformanceData;

/** The engine's answer for the base images the cases use: their declared ENV, nothing else. */
const lookup: ImageConfigLookup = (image) => {
  const known = data.images[image.replace(/:latest$/, '')];
  if (!known) {
    return undefined;
  }
  const config: ImageConfig = { cmd: null, entrypoint: null, shell: null, env: known.env };
  return config;
};

/** What we report for BuildKit's rules only (our own rules have no BuildKit counterpart to compare with). */
function reported(testCase: ConformanceCase): string[] {
  const text = testCase.dockerfile;
  const document = TextDocument.create('file:///ctx/Dockerfile', 'dockerfile', 1, text);
  const findings = computeFindings(
    { document, dockerfile: DockerfileParser.parse(text) },
    { lookup, ...(testCase.dockerignore !== undefined ? { dockerignore: testCase.dockerignore } : {}) },
  );
  return findings
    .filter(({ rule }) => rule.buildkit)
    .map(({ rule, finding }) => `${finding.range.start.line + 1} ${rule.code}`)
    .sort(byLineThenRule);
}

function byLineThenRule(a: string, b: string): number {
  return Number.parseInt(a, 10) - Number.parseInt(b, 10) || a.localeCompare(b);
}

const runnable = data.cases.filter((testCase) => testCase.skip === undefined);

describe(`BuildKit check conformance (${data.source.file} at ${data.source.commit.slice(0, 12)})`, () => {
  for (const testCase of runnable) {
    it(`${testCase.name} (source line ${testCase.sourceLine})`, () => {
      const expected = testCase.expected.map(({ rule, line }) => `${line} ${rule}`).sort(byLineThenRule);
      assert.deepEqual(reported(testCase), expected);
    });
  }

  it('every case left out says why, and most cases run', () => {
    for (const testCase of data.cases) {
      assert.ok(testCase.skip === undefined || testCase.skip.length > 20, `${testCase.name}: reason`);
    }
    assert.ok(runnable.length >= data.cases.length - 4, `${runnable.length} of ${data.cases.length} run`);
  });

  it('totals: expected warnings found, and warnings BuildKit does not give', () => {
    let expectedCount = 0;
    let found = 0;
    let extra = 0;
    for (const testCase of runnable) {
      const remaining = testCase.expected.map(({ rule, line }) => `${line} ${rule}`);
      expectedCount += remaining.length;
      for (const item of reported(testCase)) {
        const index = remaining.indexOf(item);
        if (index >= 0) {
          remaining.splice(index, 1);
          found += 1;
        } else {
          extra += 1;
        }
      }
    }
    console.log(`BuildKit conformance: ${runnable.length} cases, ${found} of ${expectedCount} expected warnings found, ${extra} extra`);
    assert.equal(found, expectedCount);
    assert.equal(extra, 0);
  });
});
