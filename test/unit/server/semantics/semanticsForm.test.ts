import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseCommandForm, type CommandForm } from '../../../../server/src/semantics/commandForm';

const cases: { text: string; expected: CommandForm }[] = [
  { text: '["a", "b"]', expected: { kind: 'exec', argv: ['a', 'b'] } },
  { text: '[]', expected: { kind: 'exec', argv: [] } },
  { text: 'echo hi', expected: { kind: 'shell', text: 'echo hi' } },
  { text: '', expected: { kind: 'empty' } },
  { text: '["a", 1]', expected: { kind: 'notStringArray' } },
  { text: "['a', 'b c']", expected: { kind: 'shell', text: "['a', 'b c']", brokenJson: { problem: 'singleQuotes', intended: ['a', 'b c'] } } },
  { text: '[\u201ca\u201d, \u201cb\u201d]', expected: { kind: 'shell', text: '[\u201ca\u201d, \u201cb\u201d]', brokenJson: { problem: 'curlyQuotes', intended: ['a', 'b'] } } },
  { text: '["a" "b"]', expected: { kind: 'shell', text: '["a" "b"]', brokenJson: { problem: 'missingComma', intended: ['a', 'b'] } } },
  { text: '["a", "b",]', expected: { kind: 'shell', text: '["a", "b",]', brokenJson: { problem: 'trailingComma', intended: ['a', 'b'] } } },
  { text: '[a, b]', expected: { kind: 'shell', text: '[a, b]', brokenJson: { problem: 'other', intended: ['a', 'b'] } } },
  { text: '["C:\\dir"]', expected: { kind: 'shell', text: '["C:\\dir"]', brokenJson: { problem: 'other', intended: undefined } } },
  // Shell commands that merely start with the `[` test builtin are not broken JSON.
  { text: '[ -f /x ] && run', expected: { kind: 'shell', text: '[ -f /x ] && run' } },
  { text: '[ "$A" = "$B" ]', expected: { kind: 'shell', text: '[ "$A" = "$B" ]' } },
  { text: '[ -n "$X" ]', expected: { kind: 'shell', text: '[ -n "$X" ]' } },
];

describe('parseCommandForm', () => {
  for (const testCase of cases) {
    it(JSON.stringify(testCase.text), () => {
      assert.deepEqual(parseCommandForm(testCase.text), testCase.expected);
    });
  }
});
