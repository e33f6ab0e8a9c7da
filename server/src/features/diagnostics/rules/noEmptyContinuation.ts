import type { Finding, Rule } from '../rule';
import { buildkitDocUrl } from '../rule';

/** An empty line inside a continued instruction (Docker accepts it today but will reject it). */
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
      for (let line = range.start.line + 1; line < range.end.line; line += 1) {
        if ((model.lines[line] ?? '').trim() === '' && !model.heredocLines.has(line)) {
          findings.push({
            range: { start: { line, character: 0 }, end: { line, character: 0 } },
            message: { en: 'Empty continuation line.', 'zh-cn': '续行中出现空行。' },
            fix: {
              title: { en: 'Remove the empty line', 'zh-cn': '删除空行' },
              edits: [{ range: { start: { line, character: 0 }, end: { line: line + 1, character: 0 } }, newText: '' }],
            },
          });
        }
      }
    }
    return findings;
  },
};
