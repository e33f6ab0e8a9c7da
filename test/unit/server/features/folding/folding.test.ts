import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DocumentStore } from '../../../../../server/src/documentStore';
import { provideFoldingRanges } from '../../../../../server/src/features/folding/provideFoldingRanges';

function fold(text: string): string[] {
  const store = new DocumentStore();
  store.open('file:///Dockerfile', 'dockerfile', 1, text);
  const parsed = store.getParsed('file:///Dockerfile');
  assert.ok(parsed);
  return provideFoldingRanges(parsed).map((range) => `${range.startLine}-${range.endLine}${range.kind ? ` ${range.kind}` : ''}`);
}

const cases: readonly { name: string; text: string; expected: string[] }[] = [
  { name: 'single-line instructions fold nothing', text: 'FROM a\n', expected: [] },
  { name: 'a stage folds from FROM to its last instruction', text: 'FROM a\nRUN x\nCMD y\n', expected: ['0-2 region'] },
  { name: 'a multi-line instruction', text: 'FROM a\nRUN a \\\n  b \\\n  c\n', expected: ['0-3 region', '1-3'] },
  { name: 'comment blocks of two or more lines', text: '# one\n# two\nFROM a\n# single\nRUN x\n', expected: ['0-1 comment', '2-4 region'] },
  { name: 'a heredoc: the instruction folds, # lines in the body are not comments', text: 'FROM a\nRUN <<EOF\n# not a comment\n# still not\nEOF\n', expected: ['0-4 region', '1-4'] },
  { name: 'two heredocs fold separately', text: 'FROM a\nCOPY <<A <<B /dst/\na\nA\nb\nB\n', expected: ['0-5 region', '1-5', '1-3', '3-5'] },
  { name: 'comments inside a continuation belong to the instruction', text: 'FROM a\nRUN a \\\n# c1\n# c2\n  b\n', expected: ['0-4 region', '1-4'] },
];

describe('folding ranges (table)', () => {
  for (const testCase of cases) {
    it(testCase.name, () => {
      assert.deepEqual(fold(testCase.text), testCase.expected);
    });
  }
});
