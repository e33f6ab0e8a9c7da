import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cleanPath, matchesOrParentMatches, readIgnorePatterns } from '../../../../../../server/src/features/diagnostics/rules/dockerignorePatterns';

describe('.dockerignore patterns (moby/patternmatcher semantics)', () => {
  const cases: [string, string, boolean][] = [
    ['*.log', 'app.log', true],
    ['*.log', 'logs/app.log', false],
    ['**/*.log', 'logs/deep/app.log', true],
    ['**/*.log', 'app.log', true],
    ['docs/', 'docs/guide/intro.md', true],
    ['/build', 'build', true],
    ['./build', 'build/out.bin', true],
    ['build', 'builder', false],
    ['a?c', 'abc', true],
    ['a?c', 'a/c', false],
    ['[ab].txt', 'b.txt', true],
    ['node_modules', 'node_modules', true],
    ['# node_modules', 'node_modules', false],
    ['*', '.', true],
    ['.*', '.', true],
    ['v1.0', 'v100', false],
  ];
  for (const [pattern, path, expected] of cases) {
    it(`${JSON.stringify(pattern)} ${expected ? 'excludes' : 'keeps'} ${path}`, () => {
      assert.equal(matchesOrParentMatches(readIgnorePatterns(`${pattern}\n`), path), expected);
    });
  }
  it('reads exceptions, trims lines and skips blank ones', () => {
    assert.deepEqual(readIgnorePatterns('\n  tmp/  \n! tmp/keep\n').map(({ text, exception }) => [text, exception]), [['tmp', false], ['tmp/keep', true]]);
  });
  it('cleans paths like Go', () => {
    assert.deepEqual(['./a/../b/', '/x//y/.', '.', '../a', ''].map(cleanPath), ['b', '/x/y', '.', '../a', '.']);
  });
});
