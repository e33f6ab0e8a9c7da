import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computeFindings } from '../../../../../../server/src/features/diagnostics/computeDiagnostics';
import { parseCheckValue } from '../../../../../../server/src/features/diagnostics/checkDirectives';
import { DockerfileParser } from 'dockerfile-ast';
import { TextDocument } from 'vscode-languageserver-textdocument';

function parsedOf(text: string): { document: TextDocument; dockerfile: ReturnType<typeof DockerfileParser.parse> } {
  return { document: TextDocument.create('file:///t/Dockerfile', 'dockerfile', 1, text), dockerfile: DockerfileParser.parse(text) };
}

/** `line code` of every finding of the named rules, in order. */
function found(text: string, ...codes: string[]): string[] {
  return computeFindings(parsedOf(text), {})
    .filter(({ rule }) => codes.includes(rule.code))
    .map(({ rule, finding }) => `${finding.range.start.line + 1} ${rule.code}`);
}

describe('# check= above an instruction (BuildKit: the instruction\'s comments merged into the file configuration)', () => {
  it('silences the named rule for that instruction only', () => {
    const text = 'FROM scratch\n# check=skip=JSONArgsRecommended\nCMD a\nENTRYPOINT b\n';
    assert.deepEqual(found(text, 'JSONArgsRecommended'), ['4 JSONArgsRecommended']);
  });
  it('reads skip=all and a reason after //', () => {
    const text = 'FROM scratch\n# check=skip=all // legacy image\nMAINTAINER me\nMAINTAINER you\n';
    assert.deepEqual(found(text, 'MaintainerDeprecated'), ['4 MaintainerDeprecated']);
  });
  it('names several rules; other rules of the instruction still report', () => {
    const text = 'FROM scratch\n# check=skip=LegacyKeyValueFormat,SecretsUsedInArgOrEnv\nENV password x\n# check=skip=SecretsUsedInArgOrEnv\nENV secret y\n';
    assert.deepEqual(found(text, 'LegacyKeyValueFormat', 'SecretsUsedInArgOrEnv'), ['5 LegacyKeyValueFormat']);
  });
  it('a blank line in between keeps it; an empty # line or an instruction in between drops it', () => {
    assert.deepEqual(found('FROM scratch\n# check=skip=all\n\nCMD a\n', 'JSONArgsRecommended'), []);
    assert.deepEqual(found('FROM scratch\n# check=skip=all\n#\nCMD a\n', 'JSONArgsRecommended'), ['4 JSONArgsRecommended']);
    assert.deepEqual(found('FROM scratch\n# check=skip=all\nRUN x\nCMD a\n', 'JSONArgsRecommended'), ['4 JSONArgsRecommended']);
  });
  it('a malformed comment is ignored as a whole, as BuildKit does', () => {
    assert.deepEqual(found('FROM scratch\n# check=skip=JSONArgsRecommended;bogus=1\nCMD a\n', 'JSONArgsRecommended'), ['3 JSONArgsRecommended']);
  });
  it('checks of the whole file are not silenced by a comment above one instruction', () => {
    const text = 'FROM scratch\n# check=skip=ConsistentInstructionCasing\ncopy a b\nCOPY c d\n';
    assert.deepEqual(found(text, 'ConsistentInstructionCasing'), ['3 ConsistentInstructionCasing']);
  });
  it('covers every line of a multi-line instruction', () => {
    const text = 'FROM scratch\n# check=skip=WorkdirRelativePath\nWORKDIR \\\n  app/\n';
    assert.deepEqual(found(text, 'WorkdirRelativePath'), []);
  });
  it('is not reported as an ignored parser directive', () => {
    assert.deepEqual(found('FROM scratch\n# check=skip=all\nCMD a\n', 'IgnoredParserDirective'), []);
  });
});

describe('experimental checks', () => {
  const text = '# check=experimental=InvalidDefinitionDescription\n# the tag\nARG tag=1\n';
  it('are off by default and on with experimental=<Rule> or all, whatever skip says', () => {
    assert.deepEqual(found(text.replace(/^# check.*\n/, '\n'), 'InvalidDefinitionDescription'), []);
    assert.deepEqual(found(text, 'InvalidDefinitionDescription'), ['3 InvalidDefinitionDescription']);
    assert.deepEqual(found(text.replace('=InvalidDefinitionDescription', '=all;skip=all'), 'InvalidDefinitionDescription'), ['3 InvalidDefinitionDescription']);
  });
  it('can be turned on for one instruction', () => {
    const local = '# x\nARG a=1\n# check=experimental=InvalidDefinitionDescription\n# y\nARG b=2\n';
    assert.deepEqual(found(local, 'InvalidDefinitionDescription'), ['5 InvalidDefinitionDescription']);
  });
  it('a severity setting turns one on', () => {
    const findings = computeFindings(parsedOf('# y\nARG b=2\n'), { severities: { InvalidDefinitionDescription: 'info' } });
    assert.deepEqual(findings.map(({ rule, severity }) => `${rule.code} ${severity}`), ['InvalidDefinitionDescription info']);
  });
});

describe('parseCheckValue', () => {
  it('reads BuildKit\'s keys and rejects malformed values when strict', () => {
    const config = parseCheckValue('skip=A, B;experimental=all;error=true', true);
    assert.deepEqual(config && { ...config, skip: [...config.skip], experimental: [...config.experimental] }, {
      skipAll: false,
      skip: ['a', 'b'],
      experimentalAll: true,
      experimental: [],
      error: true,
    });
    assert.equal(parseCheckValue('skip=A;error=maybe', true), undefined);
    assert.equal(parseCheckValue('skpi=A', true), undefined);
    assert.equal(parseCheckValue('skip', true), undefined);
    assert.equal(parseCheckValue('skip=A;error=maybe', false)?.skip.has('a'), true);
  });
});
