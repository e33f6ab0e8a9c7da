import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DockerfileParser } from 'dockerfile-ast';
import { DiagnosticSeverity, DiagnosticTag } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { computeDiagnostics, computeFindings } from '../../../../../../server/src/features/diagnostics/computeDiagnostics';
import { allRules } from '../../../../../../server/src/features/diagnostics/rules';
import { readSeverityOverrides, type SeverityOverrides } from '../../../../../../server/src/features/diagnostics/settings';
import { ruleCases } from './ruleCases';

/** Parses text the way the server does. */
export function parsedOf(text: string): { document: TextDocument; dockerfile: ReturnType<typeof DockerfileParser.parse> } {
  return { document: TextDocument.create('file:///t/Dockerfile', 'dockerfile', 1, text), dockerfile: DockerfileParser.parse(text) };
}

function linesOf(text: string, code: string, severities?: SeverityOverrides, dockerignore?: string): number[] {
  return computeFindings(parsedOf(text), { ...(severities ? { severities } : {}), ...(dockerignore !== undefined ? { dockerignore } : {}) })
    .filter((active) => active.rule.code === code)
    .map((active) => active.finding.range.start.line + 1);
}

describe('diagnostic rules (positive and negative cases)', () => {
  for (const testCase of ruleCases) {
    it(`${testCase.code}: ${testCase.name}`, () => {
      assert.deepEqual(linesOf(testCase.text, testCase.code, undefined, testCase.dockerignore), testCase.lines);
    });
  }
  it('every rule has a positive and a negative case', () => {
    for (const rule of allRules) {
      const cases = ruleCases.filter((testCase) => testCase.code === rule.code);
      assert.ok(cases.some((testCase) => testCase.lines.length > 0), `${rule.code} positive`);
      assert.ok(cases.some((testCase) => testCase.lines.length === 0), `${rule.code} negative`);
    }
  });
  it('codes are unique and every rule has a documentation link', () => {
    assert.equal(new Set(allRules.map((rule) => rule.code)).size, allRules.length);
    for (const rule of allRules) {
      assert.match(rule.docUrl, /^https:\/\/docs\.docker\.com\//);
    }
  });
});

describe('diagnostic messages and tags', () => {
  it('has English and Chinese messages', () => {
    const text = 'FROM scratch\nCMD ["a"]\nCMD b\nMAINTAINER x\nLABLE a=b\n';
    const english = computeDiagnostics(parsedOf(text), { locale: 'en' });
    const chinese = computeDiagnostics(parsedOf(text), { locale: 'zh-cn' });
    assert.equal(english.length, chinese.length);
    assert.ok(english.length >= 4);
    english.forEach((diagnostic, index) => {
      assert.notEqual(diagnostic.message, chinese[index]?.message);
      const chineseMessage = chinese[index]?.message;
      assert.match(typeof chineseMessage === 'string' ? chineseMessage : '', /[\u4e00-\u9fff]/);
      assert.equal(diagnostic.source, 'berthwise');
      assert.ok(diagnostic.codeDescription?.href);
    });
  });
  it('tags earlier CMD as unnecessary', () => {
    const diagnostics = computeDiagnostics(parsedOf('FROM alpine\nCMD ["a"]\nCMD ["b"]\n'), { locale: 'en' });
    const multiple = diagnostics.find((diagnostic) => diagnostic.code === 'MultipleInstructionsDisallowed');
    assert.deepEqual(multiple?.tags, [DiagnosticTag.Unnecessary]);
  });
  it('uses default severities: an unknown instruction is an error, a MAINTAINER a warning', () => {
    const diagnostics = computeDiagnostics(parsedOf('FROM alpine\nLABLE a=b\nMAINTAINER x\n'), { locale: 'en' });
    assert.equal(diagnostics.find((d) => d.code === 'UnknownInstruction')?.severity, DiagnosticSeverity.Error);
    assert.equal(diagnostics.find((d) => d.code === 'MaintainerDeprecated')?.severity, DiagnosticSeverity.Warning);
  });
});

describe('configuration', () => {
  const text = 'FROM alpine\nMAINTAINER x\nCMD run it\n';
  it('a partial severity map changes only the rules it names', () => {
    const diagnostics = computeDiagnostics(parsedOf(text), { locale: 'en', severities: readSeverityOverrides({ MaintainerDeprecated: 'error' }) });
    assert.equal(diagnostics.find((d) => d.code === 'MaintainerDeprecated')?.severity, DiagnosticSeverity.Error);
    assert.equal(diagnostics.find((d) => d.code === 'JSONArgsRecommended')?.severity, DiagnosticSeverity.Warning);
  });
  it('ignore switches a rule off; invalid values are dropped one by one', () => {
    const overrides = readSeverityOverrides({ MaintainerDeprecated: 'ignore', JSONArgsRecommended: 'loud', Other: 3 });
    assert.deepEqual(overrides, { MaintainerDeprecated: 'ignore' });
    assert.deepEqual(linesOf(text, 'MaintainerDeprecated', overrides), []);
    assert.deepEqual(linesOf(text, 'JSONArgsRecommended', overrides), [3]);
  });
  it('info is accepted', () => {
    const diagnostics = computeDiagnostics(parsedOf(text), { locale: 'en', severities: readSeverityOverrides({ JSONArgsRecommended: 'info' }) });
    assert.equal(diagnostics.find((d) => d.code === 'JSONArgsRecommended')?.severity, DiagnosticSeverity.Information);
  });
  const directiveCases = [
    { name: 'check=skip names one rule', header: '# check=skip=MaintainerDeprecated\n', maintainer: [], json: [4] },
    { name: 'check=skip=all skips BuildKit checks only', header: '# check=skip=all\n', maintainer: [], json: [] },
    { name: 'check=skip with two names', header: '# check=skip=MaintainerDeprecated,JSONArgsRecommended\n', maintainer: [], json: [] },
    { name: 'no directive', header: '# a comment\n', maintainer: [3], json: [4] },
  ];
  for (const directiveCase of directiveCases) {
    it(directiveCase.name, () => {
      const source = `${directiveCase.header}${text}`;
      assert.deepEqual(linesOf(source, 'MaintainerDeprecated'), directiveCase.maintainer);
      assert.deepEqual(linesOf(source, 'JSONArgsRecommended'), directiveCase.json);
    });
  }
  it('check=skip=all keeps Berthwise rules', () => {
    assert.deepEqual(linesOf('# check=skip=all\nFROM scratch\n', 'NoCommand'), [2]);
  });
  it('check=error=true raises BuildKit checks to errors', () => {
    const diagnostics = computeDiagnostics(parsedOf(`# check=error=true\n${text}`), { locale: 'en' });
    assert.equal(diagnostics.find((d) => d.code === 'MaintainerDeprecated')?.severity, DiagnosticSeverity.Error);
  });
  const ignoreCases = [
    { name: 'berthwise-ignore with the code', comment: '# berthwise-ignore=JSONArgsRecommended', lines: [] },
    { name: 'bare berthwise-ignore', comment: '# berthwise-ignore', lines: [] },
    { name: 'hadolint ignore with the matching DL id', comment: '# hadolint ignore=DL3025', lines: [] },
    { name: 'another code', comment: '# berthwise-ignore=MaintainerDeprecated', lines: [3] },
  ];
  for (const ignoreCase of ignoreCases) {
    it(`inline ignore: ${ignoreCase.name}`, () => {
      assert.deepEqual(linesOf(`FROM alpine\n${ignoreCase.comment}\nCMD run it\n`, 'JSONArgsRecommended'), ignoreCase.lines);
    });
  }
});
