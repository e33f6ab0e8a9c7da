/**
 * Finds the variables BuildKit's word expansion reads in an instruction (ENV, LABEL, COPY, …),
 * following its lexer: single quotes are literal, the escape character protects the next character,
 * `${NAME<modifier>word}` reads NAME whatever the modifier and then the references inside `word`.
 */
import type { Instruction } from 'dockerfile-ast';
import type { Range } from 'vscode-languageserver';

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

const nameStart = /[A-Za-z_]/;
const namePart = /[A-Za-z0-9_]/;

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
      if (char !== '$') {
        continue;
      }
      const braced = text[index + 1] === '{';
      const start = braced ? index + 2 : index + 1;
      // `$1`, `$@` and friends are shell parameters, never build variables.
      if (!nameStart.test(text[start] ?? '')) {
        continue;
      }
      let stop = start + 1;
      while (stop < end && namePart.test(text[stop] ?? '')) {
        stop += 1;
      }
      found.push({ name: text.slice(start, stop), range: { start: { line, character: start }, end: { line, character: stop } } });
      // The rest of `${NAME:-word}` is scanned on: references inside `word` are read too.
      index = stop - 1;
    }
  }
  return found;
}
