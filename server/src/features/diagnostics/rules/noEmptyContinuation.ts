import type { Finding, Rule } from '../rule';
import { buildkitDocUrl } from '../rule';

/**
 * An empty line inside a continued instruction (Docker accepts it today but will reject it). Reported once
 * per instruction on its last line, where BuildKit's parser reports it (it notices once the instruction ends).
 */
export const noEmptyContinuationRule: Rule = {
  code: 'NoEmptyContinuation',
  defaultSeverity: 'warning',
  buildkit: true,
  fileScoped: true,
  docUrl: buildkitDocUrl('NoEmptyContinuation'),
  check: (model): Finding[] => {
    const findings: Finding[] = [];
    for (const instruction of model.instructions) {
      const range = instruction.getRange();
      if (range.start.line === range.end.line) {
        continue;
      }
      const empty: number[] = [];
      let last = range.start.line;
      for (let line = range.start.line + 1; line <= range.end.line; line += 1) {
        if (model.heredocLines.has(line)) {
          continue;
        }
        if ((model.lines[line] ?? '').trim() === '') {
          empty.push(line);
        } else {
          last = line;
        }
      }
      if (empty.length === 0) {
        continue;
      }
      const lineNumbers = empty.map((line) => line + 1).join(', ');
      const end = (model.lines[last] ?? '').length;
      findings.push({
        range: { start: { line: last, character: 0 }, end: { line: last, character: end } },
        message: {
          en: `Empty continuation line (line ${lineNumbers}) in this instruction; empty continuation lines will become errors in a future release.`,
          'zh-cn': `此指令的续行中有空行（第 ${lineNumbers} 行）；续行中的空行将来会成为错误。`,
        },
        fix: {
          title: { en: 'Remove the empty continuation lines', 'zh-cn': '删除续行中的空行' },
          edits: empty.map((line) => ({ range: { start: { line, character: 0 }, end: { line: line + 1, character: 0 } }, newText: '' })),
        },
      });
    }
    return findings;
  },
};
