/**
 * Folding ranges: each build stage, each instruction spanning several lines, each here-document body
 * that does not already fold with its instruction, and each run of two or more comment lines.
 */
import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver';
import type { ParsedDocument } from '../../documentStore';
import { isCommentLine, lineText } from '../../syntax/lines';
import { getModel } from '../../semantics/model';
import { heredocSpansOf } from '../../semantics/heredocs';

/** Folding ranges, sorted by start line; at most `limit` of them (the LSP `rangeLimit`). */
export function provideFoldingRanges(parsed: ParsedDocument, limit = Number.POSITIVE_INFINITY): FoldingRange[] {
  const model = getModel(parsed);
  const ranges: FoldingRange[] = [];
  const add = (startLine: number, endLine: number, kind?: FoldingRangeKind): void => {
    if (endLine > startLine) {
      ranges.push(kind ? { startLine, endLine, kind } : { startLine, endLine });
    }
  };
  for (const stage of model.stages) {
    add(stage.range.start.line, stage.range.end.line, FoldingRangeKind.Region);
  }
  // Lines that are not free-standing comments: instruction bodies (where `#` may be heredoc text).
  const covered: { first: number; last: number }[] = [];
  for (const instruction of model.instructions) {
    const range = instruction.getRange();
    covered.push({ first: range.start.line, last: range.end.line });
    add(range.start.line, range.end.line);
    for (const body of heredocSpansOf(model, instruction)) {
      const opener = body.first - 1;
      if (opener !== range.start.line || body.last !== range.end.line) {
        add(opener, body.last);
      }
    }
  }
  addCommentBlocks(parsed, covered, add);
  ranges.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
  const unique = ranges.filter((range, index) => {
    const previous = ranges[index - 1];
    return !previous || previous.startLine !== range.startLine || previous.endLine !== range.endLine;
  });
  return unique.length > limit ? unique.slice(0, limit) : unique;
}

/** Runs of comment lines outside instructions (the file is scanned once, skipping instruction spans). */
function addCommentBlocks(
  parsed: ParsedDocument,
  covered: readonly { first: number; last: number }[],
  add: (startLine: number, endLine: number, kind?: FoldingRangeKind) => void,
): void {
  const lineCount = parsed.document.lineCount;
  let next = 0;
  let runStart = -1;
  let line = 0;
  while (line < lineCount) {
    const span = covered[next];
    if (span && line >= span.first) {
      if (runStart >= 0) {
        add(runStart, line - 1, FoldingRangeKind.Comment);
        runStart = -1;
      }
      line = Math.max(line, span.last + 1);
      next += 1;
      continue;
    }
    const isComment = isCommentLine(lineText(parsed.document, line));
    if (isComment && runStart < 0) {
      runStart = line;
    } else if (!isComment && runStart >= 0) {
      add(runStart, line - 1, FoldingRangeKind.Comment);
      runStart = -1;
    }
    line += 1;
  }
  if (runStart >= 0) {
    add(runStart, lineCount - 1, FoldingRangeKind.Comment);
  }
}
