import type { Instruction } from 'dockerfile-ast';
import type { TextDocument } from 'vscode-languageserver-textdocument';

/**
 * The arguments of an instruction as Docker's parser sees them: line continuations removed and
 * comment or blank lines inside the continuation dropped, then trimmed. Empty when there are none.
 */
export function logicalArguments(document: TextDocument, instruction: Instruction, escapeChar: string): string {
  const args = instruction.getArguments();
  const first = args[0];
  if (!first) {
    return '';
  }
  const raw = document.getText({ start: first.getRange().start, end: instruction.getRange().end });
  const lines = raw.split(/\r?\n/);
  const kept: string[] = [];
  lines.forEach((line, index) => {
    const trimmed = line.trim();
    // Docker skips comment and empty lines that sit inside a continued instruction.
    if (index > 0 && (trimmed === '' || trimmed.startsWith('#'))) {
      return;
    }
    kept.push(index < lines.length - 1 ? withoutContinuation(line, escapeChar) : line);
  });
  return kept.join('').trim();
}

function withoutContinuation(line: string, escapeChar: string): string {
  const end = line.trimEnd();
  return end.endsWith(escapeChar) ? end.slice(0, -escapeChar.length) : line;
}
