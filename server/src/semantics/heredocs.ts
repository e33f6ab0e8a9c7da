import type { Dockerfile, Instruction } from 'dockerfile-ast';

const heredocStart = /(?:^|[^<\w])\d*<<(-?)\s*(["']?)([A-Za-z_][A-Za-z0-9_.-]*)\2/g;
const heredocKeywords = new Set(['RUN', 'COPY', 'ADD']);

/**
 * Lines that belong to heredoc bodies (`RUN <<EOF … EOF`, also `<<-X`, `0<<X`, several per line).
 * The syntax tree can mistake such lines for instructions; they are not.
 */
export function heredocBodyLines(lines: readonly string[], dockerfile: Dockerfile): Set<number> {
  const body = new Set<number>();
  const lineCount = lines.length;
  for (const instruction of dockerfile.getInstructions()) {
    const startLine = instruction.getRange().start.line;
    if (body.has(startLine) || !heredocKeywords.has(instruction.getKeyword())) {
      continue;
    }
    if (withoutHeredocHead(instruction, lines, startLine)) {
      continue;
    }
    // Heredoc markers may sit on any continuation line of the instruction's head.
    let headEnd = startLine;
    while (headEnd < lineCount - 1 && /[\\`]\s*$/.test(lines[headEnd] ?? '')) {
      headEnd += 1;
    }
    // Most heads hold no `<<`: look before joining their lines.
    if (!anyLineIncludes(lines, startLine, headEnd, '<<')) {
      continue;
    }
    const head = lines.slice(startLine, headEnd + 1).join('\n');
    const delimiters = [...head.matchAll(heredocStart)].map((match) => ({ strip: match[1] === '-', name: match[3] ?? '' }));
    let line = headEnd + 1;
    for (const delimiter of delimiters) {
      while (line < lineCount) {
        const text = lines[line] ?? '';
        body.add(line);
        line += 1;
        if ((delimiter.strip ? text.replace(/^\t+/, '') : text).trimEnd() === delimiter.name) {
          break;
        }
      }
    }
  }
  return body;
}

/**
 * Whether the instruction's own lines hold no `<<` and its last line does not end like a continuation:
 * then its head (which stops at the first line not ending like one) lies within those lines and opens
 * no heredoc.
 */
function withoutHeredocHead(instruction: Instruction, lines: readonly string[], startLine: number): boolean {
  const endLine = instruction.getRange().end.line;
  return !anyLineIncludes(lines, startLine, endLine, '<<') && !/[\\`]\s*$/.test(lines[endLine] ?? '');
}

function anyLineIncludes(lines: readonly string[], first: number, last: number, text: string): boolean {
  for (let line = first; line <= last; line += 1) {
    if (lines[line]?.includes(text)) {
      return true;
    }
  }
  return false;
}

/** The instructions that really are instructions (not heredoc body lines). */
export function realInstructions(dockerfile: Dockerfile, bodyLines: ReadonlySet<number>): Instruction[] {
  const instructions = dockerfile.getInstructions();
  return bodyLines.size === 0 ? instructions.slice() : instructions.filter((instruction) => !bodyLines.has(instruction.getRange().start.line));
}
