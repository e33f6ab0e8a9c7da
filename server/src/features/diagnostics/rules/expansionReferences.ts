/**
 * Finds the variables BuildKit's word expansion reads in an instruction (ENV, LABEL, COPY, …),
 * following its lexer: single quotes are literal, the escape character protects the next character,
 * `${NAME<modifier>word}` reads NAME whatever the modifier and then the references inside `word`.
 */
import type { Instruction } from 'dockerfile-ast';
import type { Range } from 'vscode-languageserver';
import { readVariableAt } from '../../../syntax/variableReferences';

/** One variable read, with where it is written. */
export interface ExpansionReference {
  readonly name: string;
  readonly range: Range;
}

export interface ScanOptions {
  readonly lines: readonly string[];
  readonly escapeChar: string;
  /** Lines that are not part of the instruction's words (heredoc bodies). */
  readonly skipLines: ReadonlySet<number>;
  /** Skip `--flag` words except these (lowercase, with `=`): BuildKit expands only some flags. */
  readonly expandedFlags?: readonly string[];
}

/** The variables read by the arguments of `instruction`, in order. */
export function expansionReferences(instruction: Instruction, options: ScanOptions): ExpansionReference[] {
  const range = instruction.getRange();
  const found: ExpansionReference[] = [];
  let quote: '"' | "'" | undefined;
  for (let line = range.start.line; line <= range.end.line; line += 1) {
    const text = options.lines[line] ?? '';
    if (line > range.start.line && (options.skipLines.has(line) || text.trim().startsWith('#'))) {
      continue;
    }
    let index = line === range.start.line ? instruction.getInstructionRange().end.character : 0;
    const end = line === range.end.line ? Math.min(range.end.character, text.length) : text.length;
    // A continuation line's leading blanks end the previous word like any other whitespace.
    let atWordStart = true;
    for (; index < end; index += 1) {
      const char = text[index] ?? '';
      if (quote === "'") {
        quote = char === "'" ? undefined : quote;
        continue;
      }
      if (char === options.escapeChar) {
        index += 1;
        atWordStart = false;
        continue;
      }
      if (quote === undefined && /\s/.test(char)) {
        atWordStart = true;
        continue;
      }
      if (atWordStart && quote === undefined && options.expandedFlags && text.startsWith('--', index)) {
        const word = /^\S*/.exec(text.slice(index))?.[0] ?? '';
        if (!options.expandedFlags.some((flag) => word.toLowerCase().startsWith(flag))) {
          index += word.length - 1;
          continue;
        }
      }
      atWordStart = false;
      if (char === '"' || char === "'") {
        quote = quote === '"' ? (char === '"' ? undefined : quote) : char;
        continue;
      }
      const reference = char === '$' ? readVariableAt(text, index, end) : undefined;
      if (!reference) {
        continue;
      }
      found.push({ name: reference.name, range: { start: { line, character: reference.start }, end: { line, character: reference.end } } });
      // The rest of `${NAME:-word}` is scanned on: references inside `word` are read too.
      index = reference.end - 1;
    }
  }
  return found;
}
