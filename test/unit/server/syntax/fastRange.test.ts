/**
 * The faster `Range.create` installed for dockerfile-ast (server/src/syntax/fastRange.ts) returns what
 * the library's returns, the same position objects included, and throws where it throws.
 */
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Range } from 'vscode-languageserver-types';
import { installFastRangeCreate, originalRangeCreate, type RangeCreate } from '../../../../server/src/syntax/fastRange';

installFastRangeCreate();
const fast = Range.create as unknown as RangeCreate;
const library = originalRangeCreate();

const start = { line: 3, character: 7 };
const end = { line: 4, character: 0 };
const cases: { name: string; args: unknown[] }[] = [
  { name: 'four numbers', args: [1, 2, 3, 4] },
  { name: 'zeros and the largest uinteger', args: [0, 0, 2147483647, 2147483647] },
  { name: 'two positions', args: [start, end] },
  { name: 'positions with extra numbers', args: [start, end, 5, 6] },
  { name: 'a negative number', args: [-1, 0, 0, 0] },
  { name: 'a number above the uinteger range', args: [0, 0, 2147483648, 0] },
  { name: 'NaN', args: [Number.NaN, 0, 0, 0] },
  { name: 'too few numbers', args: [1, 2] },
  { name: 'a number and a position', args: [1, end] },
  { name: 'a position with a negative line', args: [{ line: -1, character: 0 }, end] },
  { name: 'a position with a string character', args: [{ line: 1, character: '2' }, end] },
  { name: 'null', args: [null, end] },
  { name: 'a Number object', args: [Object(1), 2, 3, 4] },
];

function outcome(create: RangeCreate, args: unknown[]): { value?: unknown; error?: string } {
  try {
    return { value: (create as (...values: unknown[]) => unknown)(...args) };
  } catch (error) {
    return { error: String(error) };
  }
}

describe('fast Range.create', () => {
  it('replaces the library function and keeps it', () => {
    assert.ok(library);
    assert.notEqual(fast, library);
  });
  for (const { name, args } of cases) {
    it(`matches the library for ${name}`, () => {
      assert.ok(library);
      const expected = outcome(library, args);
      const actual = outcome(fast, args);
      assert.deepEqual(actual, expected);
      if (expected.value) {
        const [a, b] = [expected.value as Range, actual.value as Range];
        // Same sharing of the caller's position objects (the chunked parse shifts them in place).
        assert.equal(a.start === args[0], b.start === args[0]);
        assert.equal(a.end === args[1], b.end === args[1]);
      }
    });
  }
});
