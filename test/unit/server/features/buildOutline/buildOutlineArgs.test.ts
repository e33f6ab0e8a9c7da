import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DocumentStore } from '../../../../../server/src/documentStore';
import { provideBuildOutline } from '../../../../../server/src/features/buildOutline/provideBuildOutline';

function argsOf(text: string): readonly unknown[] {
  const store = new DocumentStore();
  store.open('file:///w/Dockerfile', 'dockerfile', 1, text);
  const parsed = store.getParsed('file:///w/Dockerfile');
  assert.ok(parsed);
  return provideBuildOutline(parsed).args;
}

// The Build dialog offers these as build arguments: every name Docker declares, with its default.
describe('build outline: the build arguments', () => {
  it('reads every name of one ARG (dockerfile-ast reads `ARG A B=2` as A set to "B=2")', () => {
    assert.deepEqual(argsOf('ARG A B=2\nFROM alpine\nARG C\n'), [
      { name: 'A', stage: -1, line: 0 },
      { name: 'B', defaultValue: '2', stage: -1, line: 0 },
      { name: 'C', stage: 0, line: 2 },
    ]);
  });
  it('gives defaults as Docker assigns them (quotes removed), and leaves ENV out', () => {
    assert.deepEqual(argsOf('FROM alpine AS build\nENV E=1\nARG V="1 2" W=\'$x\'\n'), [
      { name: 'V', defaultValue: '1 2', stage: 0, line: 2 },
      { name: 'W', defaultValue: '$x', stage: 0, line: 2 },
    ]);
  });
});
