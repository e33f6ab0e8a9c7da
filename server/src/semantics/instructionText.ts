import type { Instruction } from 'dockerfile-ast';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { nodeCache } from '../syntax/nodeCache';
import { continuedText, splitLines } from '../syntax/lines';

const logicalArgumentsCache = nodeCache<Instruction, string>();

/**
 * The arguments of an instruction as Docker's parser sees them: line continuations removed and
 * comment or blank lines inside the continuation dropped, then trimmed. Empty when there are none.
 * Reads the text directly (the syntax tree's argument list is slow to build on large files).
 */
export function logicalArguments(document: TextDocument, instruction: Instruction, escapeChar: string): string {
  // Many rules read the same instruction of the same version: read its text once.
  return logicalArgumentsCache.get(instruction, () => readLogicalArguments(document, instruction, escapeChar));
}

function readLogicalArguments(document: TextDocument, instruction: Instruction, escapeChar: string): string {
  const raw = document.getText({ start: instruction.getInstructionRange().end, end: instruction.getRange().end });
  if (!raw.includes('\n') && !raw.includes('\r')) {
    // One line (most instructions): what the general path below gives it, without the split and join.
    return raw.trim();
  }
  const lines = splitLines(raw);
  const kept: string[] = [];
  for (const [index, line] of lines.entries()) {
    const trimmed = line.trim();
    // Docker skips comment and empty lines that sit inside a continued instruction.
    if (index > 0 && (trimmed === '' || trimmed.startsWith('#'))) {
      continue;
    }
    const continued = index < lines.length - 1 ? continuedText(line, escapeChar) : undefined;
    if (continued === undefined) {
      // Docker ends the instruction here, even where the syntax tree reads on: a line ending in an
      // escaped escape (`C:\\`) does not continue (rule EscapedEscapeAtLineEnd says so).
      kept.push(line);
      break;
    }
    kept.push(continued);
  }
  return kept.join('').trim();
}

/** The text of every line of a document, split once. */
export function documentLines(document: TextDocument): string[] {
  return splitLines(document.getText());
}
