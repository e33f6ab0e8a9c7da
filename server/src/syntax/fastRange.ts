/**
 * dockerfile-ast builds every range of the tree with `Range.create` from vscode-languageserver-types,
 * which validates each number with `Object.prototype.toString.call(value) === '[object Number]'`:
 * four such calls per range built from numbers, five when built from two positions. Opening a
 * 50,000-line file builds a few hundred thousand ranges, and in a CPU profile those checks were
 * about a tenth of the parse. The replacement answers the common cases (primitive numbers, plain
 * position objects) with `typeof` checks and hands everything else to the original, so it returns
 * what the original returns (the same objects, the same shape) and throws where it throws.
 */
import { Range } from 'vscode-languageserver-types';
import type { Position } from 'vscode-languageserver-types';

export type RangeCreate = (one: Position | number, two: Position | number, three?: number, four?: number) => Range;

const maxUinteger = 2147483647;

function isUinteger(value: unknown): value is number {
  return typeof value === 'number' && value >= 0 && value <= maxUinteger;
}

function isPosition(value: unknown): value is Position {
  if (value === null || typeof value !== 'object') {
    return false;
  }
  const candidate = value as Partial<Position>;
  return isUinteger(candidate.line) && isUinteger(candidate.character);
}

let original: RangeCreate | undefined;

/** The library's own `Range.create`, once the faster one is installed (for tests). */
export function originalRangeCreate(): RangeCreate | undefined {
  return original;
}

/** Installs the faster `Range.create` once per process (idempotent). */
export function installFastRangeCreate(): void {
  if (original) {
    return;
  }
  const namespace = Range as unknown as { create: RangeCreate };
  original = namespace.create;
  const library = original;
  namespace.create = function create(one, two, three, four): Range {
    if (typeof one === 'number') {
      // The original's first branch; Position.create changes no value in the uinteger range.
      if (isUinteger(one) && isUinteger(two) && isUinteger(three) && isUinteger(four)) {
        return { start: { line: one, character: two }, end: { line: three, character: four } };
      }
    } else if (isPosition(one) && isPosition(two)) {
      // The original's second branch (its first check fails on a position object: it is not a Number).
      return { start: one, end: two };
    }
    return library(one, two, three, four);
  };
}
