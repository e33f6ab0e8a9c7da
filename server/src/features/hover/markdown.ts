import type { Hover, Range } from 'vscode-languageserver';
import type { Instruction } from 'dockerfile-ast';
import type { ParsedDocument } from '../../documentStore';
import { splitLines } from '../../syntax/lines';

const maxQuotedLines = 8;

/** A Markdown hover over `range`. */
export function markdownHover(value: string, range: Range): Hover {
  return { contents: { kind: 'markdown', value }, range };
}

/** The source text of an instruction as a fenced Dockerfile block, cut after a few lines. */
export function quoteInstruction(parsed: ParsedDocument, instruction: Instruction): string {
  const lines = splitLines(parsed.document.getText(instruction.getRange()));
  const shown = lines.length > maxQuotedLines ? [...lines.slice(0, maxQuotedLines), '…'] : lines;
  // A backtick fence longer than any run inside the text keeps the block closed.
  const fence = '`'.repeat(Math.max(3, ...shown.map((line) => (line.match(/`+/g) ?? []).reduce((max, run) => Math.max(max, run.length + 1), 0))));
  return [`${fence}dockerfile`, ...shown, fence].join('\n');
}

/** One-based line number of an instruction, as people read it. */
export function displayLine(instruction: Instruction): number {
  return instruction.getRange().start.line + 1;
}
