/**
 * What the text of one ARG or ENV instruction declares, read with Docker's word rules from the
 * document's lines alone (no model needed: the stages are built from the global ARG defaults before
 * the model exists). syntax/variableDeclarations.ts gives the model's declarations from it.
 *
 * Read from the lines rather than with dockerfile-ast's `getProperties()`: that reads `ARG A B` like
 * the legacy `ENV A B` (one name, A, set to "B"), where Docker declares both, and it costs several
 * times more on large files, where every stage's scope needs its declarations.
 */
import { Env, type Arg, type Instruction } from 'dockerfile-ast';
import type { Position, Range } from 'vscode-languageserver';
import { continuedText } from './lines';

/** The text a declaration is read from: the document's lines and its escape character. */
export interface DeclarationSource {
  readonly lines: readonly string[];
  readonly escapeChar: string;
}

/** One `name[=value]`. */
export interface Declared {
  readonly name: string;
  readonly nameRange: Range;
  /** As Docker assigns it before expanding variables (quotes and escapes removed). */
  readonly value: string | undefined;
  /** As written, for code that expands the word itself. */
  readonly rawValue: string | undefined;
}

/**
 * What one ARG or ENV declares, read from the text alone: the stages are built from it before the
 * model exists (global ARG defaults pick the base images), the model's declarations come from it.
 */
export function readDeclared(source: DeclarationSource, instruction: Arg | Env): Declared[] {
  const { words, logical } = wordsOf(source, instruction);
  const [first, second] = words;
  // `ENV NAME value with  spaces`: the legacy form, one name and the rest, spaces kept, as its value. ARG has no such form.
  if (instruction instanceof Env && first && second && first.equals < 0) {
    const rawValue = logical.slice(second.offset).trimEnd();
    return [{ name: first.text, nameRange: first.nameRange, value: unquote(rawValue, source.escapeChar), rawValue }];
  }
  return words
    .map((word) => {
      const rawValue = word.equals < 0 ? undefined : word.text.slice(word.equals + 1);
      const value = rawValue === undefined ? undefined : unquote(rawValue, source.escapeChar);
      return { name: word.equals < 0 ? word.text : word.text.slice(0, word.equals), nameRange: word.nameRange, value, rawValue };
    })
    .filter((declared) => declared.name !== '');
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
function wordsOf(model: DeclarationSource, instruction: Instruction): { words: Word[]; logical: string } {
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
    const last = line === range.end.line;
    const continued = last ? undefined : continuedText(lineText, escapeChar);
    // A line that does not continue ends the instruction for Docker, even where the tree reads on (`C:\\`).
    const ends = last || continued === undefined;
    const to = last ? Math.min(range.end.character, lineText.length) : (continued?.length ?? lineText.length);
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
    if (ends) {
      break;
    }
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
