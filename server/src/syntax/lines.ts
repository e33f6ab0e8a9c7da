/** Line-level text helpers shared by the features (no parsing, just the document text). */
import type { TextDocument } from 'vscode-languageserver-textdocument';

/**
 * Splits text into lines as the editor and the syntax tree count them: at `\r\n`, `\n` or a lone
 * `\r`. Every range the server answers with indexes lines this way, so every line array must too.
 */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/** The text of one line without its line break. */
export function lineText(document: TextDocument, line: number): string {
  const text = document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
  return text.replace(/(?:\r\n|\r|\n)$/, '');
}

/** Whether a line is a comment line (`#` after optional whitespace). */
export function isCommentLine(text: string): boolean {
  return /^\s*#/.test(text);
}

/** Whether a line is a parser directive (`# key=value`). */
export function isDirectiveLine(text: string): boolean {
  return /^\s*#\s*[A-Za-z]+\s*=/.test(text);
}

/** Whether every line before `line` is a parser directive, i.e. a directive may still be written there. */
export function inDirectiveHeader(document: TextDocument, line: number): boolean {
  for (let index = 0; index < line; index += 1) {
    if (!isDirectiveLine(lineText(document, index))) {
      return false;
    }
  }
  return true;
}

/**
 * The text of a line before the escape character that continues it, or undefined when the line does
 * not continue. BuildKit's rule: the escape character is the last one on the line (spaces or tabs may
 * follow) and is not itself preceded by an escape character, unless it is all the line holds. So a
 * line ending in `C:\\` is text, kept verbatim, and the instruction ends there.
 */
export function continuedText(line: string, escapeChar: string): string | undefined {
  let end = line.length;
  while (end > 0 && (line[end - 1] === ' ' || line[end - 1] === '\t')) {
    end -= 1;
  }
  if (end === 0 || line[end - 1] !== escapeChar) {
    return undefined;
  }
  if (end === 1) {
    return '';
  }
  return line[end - 2] === escapeChar ? undefined : line.slice(0, end - 1);
}
