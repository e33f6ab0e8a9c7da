import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range } from 'vscode-languageserver';
import { DocumentStore } from '../../../../../server/src/documentStore';
import { formatDocument } from '../../../../../server/src/features/formatting/formatDocument';

function format(text: string, options = { tabSize: 4, insertSpaces: true }, range?: Range): string {
  const store = new DocumentStore();
  store.open('file:///Dockerfile', 'dockerfile', 1, text);
  const parsed = store.getParsed('file:///Dockerfile');
  assert.ok(parsed);
  const edits = formatDocument(parsed, options, range);
  return TextDocument.applyEdits(TextDocument.create('file:///x', 'dockerfile', 1, text), edits);
}

const cases: readonly { name: string; input: string; output: string }[] = [
  { name: 'keywords and AS upper-cased', input: 'from alpine as b\nrun echo hi\n', output: 'FROM alpine AS b\nRUN echo hi\n' },
  { name: 'AS on a continuation line', input: 'FROM alpine \\\n  As b\n', output: 'FROM alpine \\\n    AS b\n' },
  { name: 'ONBUILD trigger upper-cased', input: 'FROM a\nonbuild run x\n', output: 'FROM a\nONBUILD RUN x\n' },
  { name: 'unknown words are left alone', input: 'FROM a\nfoo bar\n', output: 'FROM a\nfoo bar\n' },
  { name: 'indentation before an instruction removed', input: '  FROM a\n\tRUN x\n', output: 'FROM a\nRUN x\n' },
  { name: 'one space after the keyword', input: 'FROM a\nRUN    echo  hi\n', output: 'FROM a\nRUN echo  hi\n' },
  { name: 'continuation lines indented by one unit', input: 'FROM a\nRUN a \\\n b \\\n        c\n', output: 'FROM a\nRUN a \\\n    b \\\n    c\n' },
  { name: 'a join without whitespace is not touched', input: 'FROM a\nRUN echo foo\\\nbar\n', output: 'FROM a\nRUN echo foo\\\nbar\n' },
  { name: 'whitespace before the escape allows indenting', input: 'FROM a\nRUN echo foo \\\nbar\n', output: 'FROM a\nRUN echo foo \\\n    bar\n' },
  { name: 'a break inside quotes is not touched', input: 'FROM a\nRUN echo "a \\\n  b"\n', output: 'FROM a\nRUN echo "a \\\n  b"\n' },
  { name: 'heredoc bodies untouched', input: 'from a\nrun <<EOF\n   indented\n\tx\nEOF\n', output: 'FROM a\nRUN <<EOF\n   indented\n\tx\nEOF\n' },
  { name: 'comments inside a continuation indented', input: 'FROM a\nRUN a \\\n# c\n  b\n', output: 'FROM a\nRUN a \\\n    # c\n    b\n' },
  { name: 'backtick continuation under the escape directive', input: '# escape=`\nFROM a\nRUN a `\n b\n', output: '# escape=`\nFROM a\nRUN a `\n    b\n' },
  { name: 'directives and comments unchanged', input: '# syntax=docker/dockerfile:1\n  # comment\nFROM a\n', output: '# syntax=docker/dockerfile:1\n  # comment\nFROM a\n' },
  { name: 'already formatted text is stable', input: 'FROM a\nRUN a \\\n    b\n', output: 'FROM a\nRUN a \\\n    b\n' },
];

describe('formatting (table)', () => {
  for (const testCase of cases) {
    it(testCase.name, () => {
      assert.equal(format(testCase.input), testCase.output);
    });
  }

  it('tabs when the editor uses tabs', () => {
    assert.equal(format('FROM a\nRUN a \\\n  b\n', { tabSize: 4, insertSpaces: false }), 'FROM a\nRUN a \\\n\tb\n');
  });

  it('range formatting touches only instructions in the range', () => {
    const range = { start: { line: 1, character: 0 }, end: { line: 1, character: 3 } };
    assert.equal(format('from a\nrun x\nrun y\n', undefined, range), 'from a\nRUN x\nrun y\n');
  });

  it('formatting twice changes nothing more', () => {
    const once = format('from a\n  run a \\\n  b \\\n      c\ncopy  x y\n');
    assert.equal(format(once), once);
  });
});
