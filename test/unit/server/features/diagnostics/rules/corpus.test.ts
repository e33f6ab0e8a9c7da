import * as assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { DockerfileParser } from 'dockerfile-ast';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { computeFindings } from '../../../../../../server/src/features/diagnostics/computeDiagnostics';
import { allRules } from '../../../../../../server/src/features/diagnostics/rules';
import { corpusDir, corpusFileNames } from '../../../../../corpus';

const repoRoot = join(__dirname, '..', '..', '..', '..', '..', '..', '..');

/**
 * Files that do not build on purpose although their name does not say `testfiles-negative`, each
 * reviewed by hand: imagebuilder's fixtures for unknown instructions (`HEALTH`, `UNRECOGNIZED`) and for
 * a bad HEALTHCHECK, and BuildKit's parser-only fixture with `HEALTHCHECK CONNECT TCP 7000` and an empty
 * `HEALTHCHECK CMD` (it tests the syntax tree, and `docker build` rejects it); BuildKit's parser-only
 * fixture for flag extraction (`COPY --user=me`, `CMD --doit`), which the build rejects as unknown flags;
 * imagebuilder's copy of the escape fixture, which reads `# escape = `` ` (two backticks, Docker accepts only
 * one character); buildah's `base-with-arg` fixture, whose stage names `platform-arm/v7` hold a `/` that
 * buildah tolerates and Docker refuses ("invalid name for build stage"); kaniko's two fixtures for a
 * stage named with capitals and used as `FROM BUG_stage`, which kaniko and the classic builder accept
 * and BuildKit refuses (it finds stages by the lowercase name only; checked with the engine's BuildKit
 * on the same stages with LABEL for RUN: "repository name must be lowercase").
 */
const deliberatelyInvalid = new Set([
  'openshift__imagebuilder__dockerclient__testdata__Dockerfile.unknown.Dockerfile',
  'openshift__imagebuilder__dockerclient__testdata__Dockerfile.badhealthcheck.Dockerfile',
  'moby__buildkit__frontend__dockerfile__parser__testfiles__health__Dockerfile.Dockerfile',
  'moby__buildkit__frontend__dockerfile__parser__testfiles__flags__Dockerfile.Dockerfile',
  'openshift__imagebuilder__dockerfile__parser__testfiles__escape-nonewline__Dockerfile.Dockerfile',
  'containers__buildah__tests__bud__base-with-arg__Containerfile.Dockerfile',
  'GoogleContainerTools__kaniko__integration__dockerfiles__Dockerfile_test_from_multistage_capital.Dockerfile',
  'GoogleContainerTools__kaniko__integration__dockerfiles__Dockerfile_test_issue_519.Dockerfile',
]);

describe('no false alarms on the corpus of real Dockerfiles', () => {
  it('reports no error on files that build, and counts warnings per rule', () => {
    const files = corpusFileNames();
    assert.ok(files.length > 100, `corpus at ${corpusDir} has ${files.length} files`);
    const counts = new Map<string, { findings: number; files: number }>(allRules.map((rule) => [rule.code, { findings: 0, files: 0 }]));
    const errors: string[] = [];
    const samples: string[] = [];
    for (const file of files) {
      const text = readFileSync(join(corpusDir, file), 'utf8');
      const document = TextDocument.create(`file:///corpus/${file}`, 'dockerfile', 1, text);
      const findings = computeFindings({ document, dockerfile: DockerfileParser.parse(text) }, {});
      const seenInFile = new Set<string>();
      for (const { rule, finding, severity } of findings) {
        const count = counts.get(rule.code);
        if (count) {
          count.findings += 1;
          count.files += seenInFile.has(rule.code) ? 0 : 1;
        }
        seenInFile.add(rule.code);
        const line = `${file}:${finding.range.start.line + 1} ${rule.code} ${finding.message.en}`;
        samples.push(line);
        if (severity === 'error' && !file.includes('testfiles-negative') && !deliberatelyInvalid.has(file)) {
          errors.push(line);
        }
      }
    }
    const table = ['| Rule | Findings | Files |', '|---|---|---|', ...[...counts].map(([code, count]) => `| ${code} | ${count.findings} | ${count.files} |`)];
    const resultsDir = join(repoRoot, 'test-results');
    mkdirSync(resultsDir, { recursive: true });
    writeFileSync(join(resultsDir, 'corpus-diagnostics.md'), `${files.length} files\n\n${table.join('\n')}\n`);
    writeFileSync(join(resultsDir, 'corpus-diagnostics-all.txt'), `${samples.join('\n')}\n`);
    console.log(`corpus: ${files.length} files\n${table.join('\n')}`);
    assert.deepEqual(errors, []);
  });
});
