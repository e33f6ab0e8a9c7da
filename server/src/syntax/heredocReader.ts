/**
 * Reads the here-documents of a Dockerfile from its text, by the rules of BuildKit's parser:
 *
 * - An instruction's head runs from its first line through every line that ends in the escape
 *   character (not itself escaped; see `continuedText`); comment and blank lines inside it are skipped.
 * - Only RUN, COPY and ADD (also as ONBUILD's trigger) in shell form take here-documents. The joined
 *   head is split into words (`lexBuildkitWords`); each word `<<NAME`, `<<-NAME`, `0<<NAME`,
 *   `<<"NAME"`, `<<'NAME'` (or `<< NAME`: spaces after `<<` stay in the word) opens one, in order.
 * - Each body starts on the line after the previous one's end (the head's last line for the first)
 *   and runs to the first line equal to the delimiter, after stripping leading tabs for `<<-`. A body
 *   without its closing line runs to the end of the file (BuildKit refuses such a file).
 */
import type { Position, Range } from 'vscode-languageserver';
import { lexBuildkitWords, type LexedWord } from './buildkitWords';
import { continuedText } from './lines';

/** The instructions that may carry here-documents (BuildKit's heredocDirectives). */
export type HeredocCommand = 'RUN' | 'COPY' | 'ADD';

/** One here-document, as plain data. */
export interface Heredoc {
  /** The instruction that reads it (ONBUILD's trigger for ONBUILD). */
  readonly command: HeredocCommand;
  /** The delimiter as BuildKit compares it: quotes and escapes removed. */
  readonly name: string;
  /** The file descriptor written before `<<` (0 when none is). */
  readonly fileDescriptor: number;
  /** `<<-`: leading tabs are stripped from the body and the closing line. */
  readonly stripsTabs: boolean;
  /** Part of the delimiter is quoted: BuildKit then does not expand variables in a COPY/ADD body. */
  readonly quoted: boolean;
  /** The opener word as written: `<<EOF`, `0<<-"EOF"`. */
  readonly startRange: Range;
  /** The delimiter after `<<`/`<<-` (inside the quotes when one pair encloses it all). */
  readonly nameRange: Range;
  /** The body's lines, from the start of its first line to the end of its last; undefined when empty. */
  readonly contentRange: Range | undefined;
  /** The delimiter on the closing line (after stripped tabs); undefined when the body runs to the end. */
  readonly delimiterRange: Range | undefined;
}

/** What one instruction's head and here-documents cover. */
export interface InstructionHeredocs {
  /** The last line of the head (before any body). */
  readonly headEndLine: number;
  /** The last line the instruction takes: the last body's closing line, or the head's end. */
  readonly endLine: number;
  readonly heredocs: readonly Heredoc[];
}

/** Every here-document of a document (lines without their line breaks), in document order. */
export function readHeredocs(lines: readonly string[], escapeChar: string): Heredoc[] {
  const found: Heredoc[] = [];
  let line = 0;
  while (line < lines.length) {
    if (!startsInstruction(lines, line)) {
      line += 1;
      continue;
    }
    const read = readInstructionHeredocs(lines, escapeChar, line);
    found.push(...read.heredocs);
    line = read.endLine + 1;
  }
  return found;
}

/**
 * The here-documents of the instruction whose first line is `startLine` (any instruction: those that
 * take none answer an empty list).
 */
export function readInstructionHeredocs(lines: readonly string[], escapeChar: string, startLine: number): InstructionHeredocs {
  const first = physicalLine(lines, startLine);
  if (!first.includes('<<') && continuedText(first, escapeChar) === undefined) {
    // Most instructions: one line without an opener.
    return { headEndLine: startLine, endLine: startLine, heredocs: [] };
  }
  const head = readHead(lines, escapeChar, startLine);
  if (!head.text.includes('<<')) {
    return { headEndLine: head.endLine, endLine: head.endLine, heredocs: [] };
  }
  const command = heredocCommand(head.text, escapeChar);
  if (!command) {
    return { headEndLine: head.endLine, endLine: head.endLine, heredocs: [] };
  }
  const heredocs: Heredoc[] = [];
  let next = head.endLine + 1;
  for (const opener of openersOf(head)) {
    const closingLine = findClosingLine(lines, next, opener);
    const lastBodyLine = (closingLine ?? lines.length) - 1;
    heredocs.push({
      command,
      ...opener,
      contentRange: lastBodyLine >= next ? { start: { line: next, character: 0 }, end: { line: lastBodyLine, character: (lines[lastBodyLine] ?? '').length } } : undefined,
      delimiterRange: closingLine === undefined ? undefined : delimiterRange(lines[closingLine] ?? '', closingLine, opener),
    });
    next = closingLine === undefined ? lines.length : closingLine + 1;
  }
  return { headEndLine: head.endLine, endLine: Math.max(head.endLine, next - 1), heredocs };
}

/**
 * Whether BuildKit starts an instruction on this line: it is neither blank nor a comment (a line
 * holding only the escape character counts: it opens a continued instruction).
 */
function startsInstruction(lines: readonly string[], line: number): boolean {
  return !isBlankOrComment(physicalLine(lines, line));
}

/** Blank and comment lines start no instruction, and inside a continued head they are dropped. */
function isBlankOrComment(text: string): boolean {
  const start = leadingSpaceLength(text);
  return start === text.length || text[start] === '#';
}

/** A line as BuildKit reads it: without trailing line-break characters, and without a byte-order mark on line 0. */
function physicalLine(lines: readonly string[], line: number): string {
  let text = lines[line] ?? '';
  if (line === 0 && text.startsWith('\ufeff')) {
    text = text.slice(1);
  }
  let end = text.length;
  while (end > 0 && (text[end - 1] === '\r' || text[end - 1] === '\n')) {
    end -= 1;
  }
  return end === text.length ? text : text.slice(0, end);
}

/** Go's unicode.IsSpace, for trimming the start of lines. */
const goSpace = /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/;

function leadingSpaceLength(text: string): number {
  let index = 0;
  while (index < text.length && isGoSpace(text[index] as string)) {
    index += 1;
  }
  return index;
}

function isGoSpace(char: string): boolean {
  return char === ' ' || char === '\t' || (char > ' ' && char < '\u0080' ? false : goSpace.test(char));
}

/** An instruction's head: its lines joined as BuildKit joins them, with a map back to the document. */
interface Head {
  readonly text: string;
  readonly endLine: number;
  /** Where each joined piece starts in `text`, and the document position of its first character. */
  readonly pieces: readonly { readonly offset: number; readonly line: number; readonly character: number }[];
}

function readHead(lines: readonly string[], escapeChar: string, startLine: number): Head {
  const pieces: { offset: number; line: number; character: number }[] = [];
  const first = physicalLine(lines, startLine);
  // BuildKit trims the first line's leading space (and line 0's byte-order mark) before joining.
  const firstStart = leadingSpaceLength(first);
  const bomLength = startLine === 0 && (lines[0] ?? '').startsWith('\ufeff') ? 1 : 0;
  let text = '';
  let line = startLine;
  let current = first.slice(firstStart);
  let character = firstStart + bomLength;
  for (;;) {
    const kept = continuedText(current, escapeChar);
    pieces.push({ offset: text.length, line, character });
    text += kept ?? current;
    if (kept === undefined) {
      break;
    }
    // Continued: the next line that is neither a comment nor blank joins the head.
    let nextLine = line + 1;
    while (nextLine < lines.length && isBlankOrComment(physicalLine(lines, nextLine))) {
      nextLine += 1;
    }
    if (nextLine >= lines.length) {
      line = lines.length - 1;
      break;
    }
    line = nextLine;
    current = physicalLine(lines, line);
    character = 0;
  }
  return { text, endLine: Math.max(line, startLine), pieces };
}

const heredocCommands = new Map<string, HeredocCommand>([
  ['run', 'RUN'],
  ['copy', 'COPY'],
  ['add', 'ADD'],
]);

/** The command that reads the head's here-documents, if it takes any: ONBUILD's trigger, never exec (JSON) form. */
function heredocCommand(head: string, escapeChar: string): HeredocCommand | undefined {
  let { command, args } = splitCommand(head, escapeChar);
  if (command.toLowerCase() === 'onbuild' && args !== '') {
    ({ command, args } = splitCommand(args, escapeChar));
  }
  const known = heredocCommands.get(command.toLowerCase());
  return known && !isJsonArray(args) ? known : undefined;
}

/** The instruction's keyword and its arguments after any `--flag`s (BuildKit's splitCommand). */
function splitCommand(line: string, escapeChar: string): { command: string; args: string } {
  const trimmed = trimGoSpace(line);
  const gap = /[\t\v\f\r ]+/.exec(trimmed);
  if (!gap) {
    return { command: trimmed, args: '' };
  }
  return { command: trimmed.slice(0, gap.index), args: trimGoSpace(afterFlags(trimmed.slice(gap.index + gap[0].length), escapeChar)) };
}

function trimGoSpace(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && isGoSpace(text[start] as string)) {
    start += 1;
  }
  while (end > start && isGoSpace(text[end - 1] as string)) {
    end -= 1;
  }
  return text.slice(start, end);
}

/** The text after the leading `--name=value` words (quotes and escapes respected); `--` alone ends them. */
function afterFlags(line: string, escapeChar: string): string {
  let index = 0;
  for (;;) {
    while (index < line.length && isGoSpace(line[index] as string)) {
      index += 1;
    }
    if (index >= line.length || !line.startsWith('--', index)) {
      return line.slice(index);
    }
    const wordStart = index;
    let quote: string | undefined;
    while (index < line.length) {
      const char = line[index] as string;
      if (quote === undefined && isGoSpace(char)) {
        break;
      }
      if (quote === undefined && (char === '"' || char === "'")) {
        quote = char;
      } else if (quote !== undefined && char === quote) {
        quote = undefined;
      } else if (char === escapeChar) {
        index += 1;
      }
      index += 1;
    }
    if (index >= line.length) {
      return '';
    }
    if (line.slice(wordStart, index) === '--') {
      return line.slice(index);
    }
  }
}

/** Exec form: the arguments parse as a JSON array (BuildKit gives such instructions no here-documents). */
function isJsonArray(args: string): boolean {
  if (!args.startsWith('[')) {
    return false;
  }
  try {
    return Array.isArray(JSON.parse(args));
  } catch {
    return false;
  }
}

/** An opener word: digits (a file descriptor), `<<`, an optional `-`, spaces, then the delimiter word. */
const openerPattern = /^([0-9]*)<<(-?)[\t\n\f\r ]*([^<]*)$/;

type Opener = Pick<Heredoc, 'name' | 'fileDescriptor' | 'stripsTabs' | 'quoted' | 'startRange' | 'nameRange'>;

/** The here-document openers of a head, in order. */
function openersOf(head: Head): Opener[] {
  const words = lexBuildkitWords(head.text, { rawQuotes: true, rawEscapes: true }) ?? [];
  return words.flatMap((word) => {
    const opener = openerOf(head, word);
    return opener ? [opener] : [];
  });
}

function openerOf(head: Head, word: LexedWord): Opener | undefined {
  const match = openerPattern.exec(word.text);
  const written = match?.[3];
  if (!match || !written) {
    return undefined;
  }
  // The delimiter word is lexed again: exactly one word, quotes removed; quoted when that dropped quotes.
  const plain = lexBuildkitWords(written, { rawQuotes: false, rawEscapes: false });
  const raw = lexBuildkitWords(written, { rawQuotes: true, rawEscapes: false });
  const name = plain?.[0]?.text;
  if (!plain || !raw || plain.length !== 1 || raw.length !== 1 || name === undefined) {
    return undefined;
  }
  const quotes = (text: string): number => text.replace(/[^'"]/g, '').length;
  const startRange = rangeOf(head, word.start, word.end);
  // The word's text is its source text unless a `${…}` expansion rewrote it: then name the whole word.
  const verbatim = head.text.slice(word.start, word.end) === word.text;
  let nameStart = verbatim ? word.end - written.length : word.start;
  let nameEnd = word.end;
  if (verbatim && written.length >= 2 && /^(["']).*\1$/s.test(written) && written.slice(1, -1) === name) {
    nameStart += 1;
    nameEnd -= 1;
  }
  return {
    name,
    fileDescriptor: match[1] ? Number(match[1]) : 0,
    stripsTabs: match[2] === '-',
    quoted: quotes(name) !== quotes(raw[0]?.text ?? ''),
    startRange,
    nameRange: rangeOf(head, nameStart, nameEnd),
  };
}

/** The document range of `[start, end)` in the joined head. */
function rangeOf(head: Head, start: number, end: number): Range {
  const last = positionAt(head, Math.max(start, end - 1));
  return { start: positionAt(head, start), end: end > start ? { line: last.line, character: last.character + 1 } : last };
}

function positionAt(head: Head, offset: number): Position {
  let piece = head.pieces[0];
  for (const candidate of head.pieces) {
    if (candidate.offset > offset) {
      break;
    }
    piece = candidate;
  }
  return piece ? { line: piece.line, character: piece.character + offset - piece.offset } : { line: 0, character: 0 };
}

/** The first line from `from` on that closes the here-document, if any. */
function findClosingLine(lines: readonly string[], from: number, opener: Opener): number | undefined {
  for (let line = from; line < lines.length; line += 1) {
    const text = physicalLine(lines, line);
    if ((opener.stripsTabs ? text.replace(/^\t+/, '') : text) === opener.name) {
      return line;
    }
  }
  return undefined;
}

function delimiterRange(text: string, line: number, opener: Opener): Range {
  const start = opener.stripsTabs ? (/^\t*/.exec(text)?.[0].length ?? 0) : 0;
  return { start: { line, character: start }, end: { line, character: start + opener.name.length } };
}
