/**
 * The names an ARG or ENV instruction declares, with where each name is written and its value: read
 * once per parsed instruction and shared by every feature that needs them (scope, symbols,
 * occurrences, diagnostics).
 *
 * Read from the document's lines with Docker's word rules rather than with dockerfile-ast's
 * `getProperties()`: that reads `ARG A B` like the legacy `ENV A B` (one name, A, set to "B"), where
 * Docker declares both, and it costs several times more on large files, where every stage's scope
 * needs its declarations.
 */
import { Arg, Env, type Instruction } from 'dockerfile-ast';
import type { Position, Range } from 'vscode-languageserver';
import { stageAtLine, type DockerfileModel } from '../semantics/model';

/** One declared variable (a `name[=value]` of an ARG or ENV instruction). */
export interface VariableDeclaration {
  readonly name: string;
  readonly nameRange: Range;
  /** Without quotes and escapes; undefined for `ARG NAME` without a value. */
  readonly value: string | undefined;
  readonly kind: 'ARG' | 'ENV';
  readonly instruction: Instruction;
  /** Stage index, or -1 for a global ARG. */
  readonly stageIndex: number;
}

const declarationCache = new WeakMap<Instruction, VariableDeclaration[]>();

/** The declarations made by one instruction (empty unless ARG or ENV); cached per parsed instruction. */
export function declarationsOf(model: DockerfileModel, instruction: Instruction): VariableDeclaration[] {
  if (!(instruction instanceof Arg) && !(instruction instanceof Env)) {
    return [];
  }
  let declarations = declarationCache.get(instruction);
  if (!declarations) {
    const line = instruction.getRange().start.line;
    const stageIndex = line < (model.stages[0]?.range.start.line ?? Number.POSITIVE_INFINITY) ? -1 : (stageAtLine(model, line)?.index ?? -1);
    declarations = readDeclarations(model, instruction, stageIndex);
    declarationCache.set(instruction, declarations);
  }
  return declarations;
}

function readDeclarations(model: DockerfileModel, instruction: Arg | Env, stageIndex: number): VariableDeclaration[] {
  const kind: 'ARG' | 'ENV' = instruction instanceof Arg ? 'ARG' : 'ENV';
  const { words, logical } = wordsOf(model, instruction);
  const [first, second] = words;
  // `ENV NAME value with  spaces`: the legacy form, one name and the rest, spaces kept, as its value. ARG has no such form.
  if (kind === 'ENV' && first && second && first.equals < 0) {
    const value = unquote(logical.slice(second.offset).trimEnd(), model.escapeChar);
    return [{ name: first.text, nameRange: first.nameRange, value, kind, instruction, stageIndex }];
  }
  return words
    .map((word) => ({
      name: word.equals < 0 ? word.text : word.text.slice(0, word.equals),
      nameRange: word.nameRange,
      value: word.equals < 0 ? undefined : unquote(word.text.slice(word.equals + 1), model.escapeChar),
      kind,
      instruction,
      stageIndex,
    }))
    .filter((declaration) => declaration.name !== '');
}

/** One argument word as written (quotes and escapes kept), with the range of its name part. */
interface Word {
  readonly text: string;
  /** Where the word starts in the instruction's logical argument text. */
  readonly offset: number;
  /** Index in `text` of the first `=` outside quotes, or -1. */
  readonly equals: number;
  readonly nameRange: Range;
}

/**
 * The instruction's argument words, split as Docker splits ARG/ENV arguments: at whitespace outside
 * quotes, the escape character protecting the next character (not inside single quotes), continuation
 * lines joined and comment or blank lines inside the continuation skipped.
 */
function wordsOf(model: DockerfileModel, instruction: Instruction): { words: Word[]; logical: string } {
  const range = instruction.getRange();
  const argumentsStart = instruction.getInstructionRange().end;
  const escapeChar = model.escapeChar;
  if (range.end.line === argumentsStart.line) {
    const line = range.end.line;
    const logical = (model.lines[line] ?? '').slice(argumentsStart.character, range.end.character);
    if (!logical.includes(escapeChar) && !/["']/.test(logical)) {
      return { words: plainWords(logical, line, argumentsStart.character), logical };
    }
  }
  const words: Word[] = [];
  // The arguments with continuations joined, blanks included.
  let logical = '';
  let word: OpenWord | undefined;
  let quote: string | undefined;
  let escaped = false;
  for (let line = argumentsStart.line; line <= range.end.line; line += 1) {
    const lineText = model.lines[line] ?? '';
    const trimmed = lineText.trim();
    if (line > argumentsStart.line && (trimmed === '' || trimmed.startsWith('#'))) {
      continue;
    }
    const from = line === argumentsStart.line ? argumentsStart.character : 0;
    const to = line === range.end.line ? Math.min(range.end.character, lineText.length) : continuationEnd(lineText, escapeChar);
    // The open word's characters on this line start here (a word goes on across a continuation).
    let pieceStart = from;
    for (let character = from; character < to; character += 1) {
      const char = lineText[character] ?? '';
      if (!word) {
        if (isBlank(char)) {
          continue;
        }
        word = { text: '', offset: logical.length + character - from, start: { line, character }, equals: -1, end: undefined, nameEnd: undefined };
        pieceStart = character;
      }
      if (escaped) {
        escaped = false;
      } else if (char === escapeChar && quote !== "'") {
        escaped = true;
      } else if (quote !== undefined) {
        quote = char === quote ? undefined : quote;
      } else if (char === '"' || char === "'") {
        quote = char;
      } else if (isBlank(char)) {
        words.push(closeWord(word, lineText, line, pieceStart, character));
        word = undefined;
      } else if (char === '=' && word.equals < 0) {
        word.equals = word.text.length + character - pieceStart;
        word.nameEnd = { line, character };
      }
    }
    if (word) {
      addPiece(word, lineText, line, pieceStart, to);
    }
    logical += lineText.slice(from, to);
  }
  if (word) {
    words.push(closeWord(word, '', range.end.line, 0, 0));
  }
  return { words, logical };
}

/** The words of one line without quotes or escapes (most ARG and ENV lines): split at blanks, no scan needed. */
function plainWords(logical: string, line: number, column: number): Word[] {
  const words: Word[] = [];
  for (const match of logical.matchAll(/[^ \t\r]+/g)) {
    const text = match[0];
    const offset = match.index ?? 0;
    const equals = text.indexOf('=');
    const start = { line, character: column + offset };
    const nameEnd = { line, character: start.character + (equals < 0 ? text.length : equals) };
    words.push({ text, offset, equals, nameRange: { start, end: nameEnd } });
  }
  return words;
}

/** A word being read: its text so far and where it ends so far. */
interface OpenWord {
  text: string;
  readonly offset: number;
  readonly start: Position;
  equals: number;
  nameEnd: Position | undefined;
  end: Position | undefined;
}

/** Adds the word's characters from `from` to `to` on `line`; an empty piece (the indent after a continuation) moves no end. */
function addPiece(word: OpenWord, lineText: string, line: number, from: number, to: number): void {
  if (to > from) {
    word.text += lineText.slice(from, to);
    word.end = { line, character: to };
  }
}

function closeWord(word: OpenWord, lineText: string, line: number, from: number, to: number): Word {
  addPiece(word, lineText, line, from, to);
  const end = word.end ?? word.start;
  return { text: word.text, offset: word.offset, equals: word.equals, nameRange: { start: word.start, end: word.nameEnd ?? end } };
}

function isBlank(char: string): boolean {
  return char === ' ' || char === '\t' || char === '\r';
}

/** Where a continued line's text ends: before its closing escape character (see logicalArguments). */
function continuationEnd(line: string, escapeChar: string): number {
  const end = line.replace(/[ \t\r]+$/, '');
  if (!end.endsWith(escapeChar)) {
    return line.length;
  }
  const body = end.slice(0, -escapeChar.length);
  return body === '' || !body.endsWith(escapeChar) ? body.length : line.length;
}

/**
 * A value as Docker assigns it before expanding variables: quotes removed; the escape character
 * protects any character outside quotes, inside double quotes only `"`, `$` and itself, and nothing
 * inside single quotes.
 */
function unquote(raw: string, escapeChar: string): string {
  let value = '';
  let quote: string | undefined;
  for (let index = 0; index < raw.length; index += 1) {
    const char = raw[index] ?? '';
    const next = raw[index + 1];
    if (char === escapeChar && next !== undefined && (quote === undefined || (quote === '"' && (next === '"' || next === '$' || next === escapeChar)))) {
      index += 1;
      value += next;
    } else if (quote !== undefined && char === quote) {
      quote = undefined;
    } else if (quote === undefined && (char === '"' || char === "'")) {
      quote = char;
    } else {
      value += char;
    }
  }
  return value;
}
