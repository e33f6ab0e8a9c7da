import type { Position, Range } from 'vscode-languageserver';

/** Whether `position` lies inside `range`, both ends included (a cursor right after a word still hovers it). */
export function contains(range: Range, position: Position): boolean {
  return !isBefore(position, range.start) && !isBefore(range.end, position);
}

/** Whether `a` comes strictly before `b`. */
export function isBefore(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}
