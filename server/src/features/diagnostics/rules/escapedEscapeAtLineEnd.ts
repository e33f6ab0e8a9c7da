import type { Finding, Rule } from '../rule';
import { instructionKeywords } from '../../../docs/keys';
import { continuedText, isCommentLine } from '../../../syntax/lines';

/**
 * A line inside an instruction that ends in an escaped escape character (`RUN make \\`) and is
 * followed by a line that is no instruction (`&& make install`). Docker's parser does not continue
 * such a line: the instruction ends there, the next line is read as an instruction of its own, and
 * the build fails on it. Usually a typo for one backslash. When an instruction follows (`C:\\` at the
 * end of a Windows COPY), that is what the author meant, and nothing is reported.
 *
 * The syntax tree (dockerfile-ast) continues such a line, so the rest of the server sees the next
 * lines as part of this instruction; the message says so rather than leave the user to wonder.
 */
export const escapedEscapeAtLineEndRule: Rule = {
  code: 'EscapedEscapeAtLineEnd',
  defaultSeverity: 'warning',
  buildkit: false,
  docUrl: 'https://docs.docker.com/reference/dockerfile/#escape',
  check: (model): Finding[] => {
    const findings: Finding[] = [];
    const escape = model.escapeChar;
    for (const instruction of model.instructions) {
      const range = instruction.getRange();
      for (let line = range.start.line; line < range.end.line; line += 1) {
        const text = model.lines[line] ?? '';
        if (model.heredocLines.has(line) || (line > range.start.line && (text.trim() === '' || isCommentLine(text)))) {
          continue;
        }
        const end = text.trimEnd().length;
        if (continuedText(text, escape) !== undefined || !text.trimEnd().endsWith(escape)) {
          continue;
        }
        const following = nextContentLine(model.lines, line + 1, range.end);
        if (following === undefined || startsWithKeyword(model.lines[following] ?? '')) {
          // Nothing follows, or an instruction does (`C:\\` ending a Windows COPY, then ENV):
          // Docker ends the instruction here, as the author meant.
          break;
        }
        const next = following + 1;
        findings.push({
          range: { start: { line, character: end - 2 * escape.length }, end: { line, character: end } },
          message: {
            en: `Docker does not continue a line that ends in an escaped \`${escape}\`: the instruction ends here, and line ${next}, which is no instruction, is read as one, so the build fails. To continue the line, end it with a single \`${escape}\`. (Berthwise's other features still read line ${next} as part of this instruction.)`,
            'zh-cn': `以转义过的 \`${escape}\` 结尾的行不会被 Docker 视为续行：指令在此行结束，而第 ${next} 行并不是指令，却会被当作一条指令读取，构建因此失败。若要续行，请只以一个 \`${escape}\` 结尾。（Berthwise 的其他功能仍把第 ${next} 行视为这条指令的一部分。）`,
          },
          fix: {
            title: { en: `Continue the line (end it with one \`${escape}\`)`, 'zh-cn': `续行（只以一个 \`${escape}\` 结尾）` },
            edits: [{ range: { start: { line, character: end - escape.length }, end: { line, character: end } }, newText: '' }],
          },
        });
        break; // Docker's instruction ends here; what follows is another matter
      }
    }
    return findings;
  },
};

const keywords: ReadonlySet<string> = new Set(instructionKeywords);

/** Whether a line starts with an instruction keyword (any case), as Docker's parser would read it. */
function startsWithKeyword(text: string): boolean {
  const word = /^\s*([A-Za-z]+)(?:\s|$)/.exec(text)?.[1];
  return word !== undefined && keywords.has(word.toUpperCase());
}

/** The first line from `from` up to the instruction's end that is neither blank nor a comment. */
function nextContentLine(lines: readonly string[], from: number, end: { readonly line: number; readonly character: number }): number | undefined {
  for (let line = from; line <= end.line; line += 1) {
    const text = line === end.line ? (lines[line] ?? '').slice(0, end.character) : (lines[line] ?? '');
    if (text.trim() !== '' && !isCommentLine(text)) {
      return line;
    }
  }
  return undefined;
}
