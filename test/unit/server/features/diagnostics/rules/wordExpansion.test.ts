import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isValidImageReference } from '../../../../../../server/src/features/diagnostics/rules/invalidDefaultArgInFrom';
import { expandWord } from '../../../../../../server/src/features/diagnostics/rules/wordExpansion';

describe('expandWord (BuildKit word expansion of FROM and ARG defaults)', () => {
  const variables = new Map([
    ['A', 'x'],
    ['EMPTY', ''],
  ]);
  const cases: [string, string | undefined][] = [
    ['$A', 'x'],
    ['${A}y', 'xy'],
    ['$B', ''],
    ['${B-d}', 'd'],
    ['${EMPTY-d}', ''],
    ['${EMPTY:-d}', 'd'],
    ['${A:+set}', 'set'],
    ['${B:+set}', ''],
    ['${B:-${A}z}', 'xz'],
    ["'$A'", '$A'],
    ['"$A"', 'x'],
    ['\\$A', '$A'],
    ['a$', 'a$'],
    ['${A%x}', undefined],
    ['${A:?no}', undefined],
    ['${A', undefined],
    ['"open', undefined],
  ];
  for (const [input, expected] of cases) {
    it(`${input} → ${String(expected)}`, () => assert.equal(expandWord(input, variables, '\\'), expected));
  }
  it('honours another escape character', () => assert.equal(expandWord('`$A', variables, '`'), '$A'));
});

describe('isValidImageReference (Docker reference grammar)', () => {
  const cases: [string, boolean][] = [
    ['alpine', true],
    ['alpine:3.20', true],
    ['library/alpine:latest', true],
    ['registry.example.com:5000/team/app:v1', true],
    ['localhost/app', true],
    ['Registry/app', true],
    [`alpine@sha256:${'a'.repeat(64)}`, true],
    ['scratch', true],
    ['', false],
    ['alpine:', false],
    ['/app', false],
    ['Alpine', false],
    ['alpine:-bad', false],
    ['team/App', false],
    ['alpine@sha256:xyz', false],
    ['a'.repeat(64).replace(/a/g, 'f'), false],
  ];
  for (const [input, expected] of cases) {
    it(`${input || '(empty)'} → ${String(expected)}`, () => assert.equal(isValidImageReference(input), expected));
  }
});
