/**
 * docs/diagnostics.md lists every rule for users. It is checked against the rules themselves, so the
 * list stays true: the codes in order, each default severity, which are BuildKit's checks, and which
 * offer a quick fix (a fix counts when one of the rule's positive test cases gets one). The README's
 * feature list gives the two counts.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { DockerfileParser } from 'dockerfile-ast';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { provideCodeActions } from '../../server/src/features/codeActions/provideCodeActions';
import { computeDiagnostics } from '../../server/src/features/diagnostics/computeDiagnostics';
import { allRules } from '../../server/src/features/diagnostics/rules';
import { ruleCases } from './server/features/diagnostics/rules/ruleCases';

/** This file runs from out/test/unit/, three levels below the repository root. */
const repoRoot = join(__dirname, '..', '..', '..');
const docPath = join(repoRoot, 'docs', 'diagnostics.md');

interface Row {
  readonly code: string;
  readonly severity: string;
  readonly buildkit: boolean;
  readonly quickFix: boolean;
}

function documentedRows(): Row[] {
  return readFileSync(docPath, 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('| ') && !line.startsWith('| Code ') && !line.startsWith('|---'))
    .map((line) => {
      const [code = '', severity = '', buildkit = '', quickFix = ''] = line.split('|').slice(1).map((cell) => cell.trim());
      return { code, severity, buildkit: buildkit === 'yes', quickFix: quickFix === 'yes' };
    });
}

/** The codes whose positive cases get a quick fix from the code-action provider. */
function codesWithQuickFix(): Set<string> {
  const found = new Set<string>();
  for (const testCase of ruleCases.filter((candidate) => candidate.lines.length > 0)) {
    const document = TextDocument.create('file:///t/Dockerfile', 'dockerfile', 1, testCase.text);
    const parsed = { uri: document.uri, version: 1, document, dockerfile: DockerfileParser.parse(testCase.text) };
    const options = testCase.dockerignore === undefined ? { locale: 'en' as const } : { locale: 'en' as const, dockerignore: testCase.dockerignore };
    for (const diagnostic of computeDiagnostics(parsed, options).filter((candidate) => candidate.code === testCase.code)) {
      const actions = provideCodeActions(parsed, { textDocument: { uri: parsed.uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } }, { locale: 'en' });
      if (actions.some((action) => action.diagnostics?.[0]?.code === testCase.code && action.edit !== undefined)) {
        found.add(testCase.code);
      }
    }
  }
  return found;
}

describe('docs/diagnostics.md', () => {
  const rows = documentedRows();
  it('lists every rule once, in the order the server runs them', () => {
    assert.deepEqual(
      rows.map((row) => row.code),
      allRules.map((rule) => rule.code),
    );
  });
  it('gives each rule its default severity and says which are BuildKit checks', () => {
    assert.deepEqual(
      rows.map((row) => `${row.code} ${row.severity}${row.buildkit ? ' buildkit' : ''}`),
      allRules.map((rule) => `${rule.code} ${rule.defaultSeverity}${rule.buildkit ? ' buildkit' : ''}`),
    );
  });
  const withFix = codesWithQuickFix();
  it('marks exactly the rules that offer a quick fix', () => {
    assert.deepEqual(
      rows.filter((row) => row.quickFix).map((row) => row.code),
      allRules.filter((rule) => withFix.has(rule.code)).map((rule) => rule.code),
    );
  });
  it('the README counts the diagnostics and their quick fixes right', () => {
    const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
    const counts = /\[(\d+) diagnostics\]\(docs\/diagnostics\.md\) with stable codes, (\d+) with quick fixes/.exec(readme);
    assert.ok(counts, 'the README names the number of diagnostics and of quick fixes');
    assert.deepEqual([Number(counts[1]), Number(counts[2])], [allRules.length, withFix.size]);
  });
});
