import type { TextEdit } from 'vscode-languageserver';
import type { Finding, Rule } from '../rule';

/**
 * A line break written as a lone `\r` (classic Mac line endings, or a stray one from a paste). The
 * editor and the syntax tree break lines there, but Docker breaks lines only at `\n` (dropping a `\r`
 * just before it), so it reads the two lines as one: `FROM a\rRUN b` is a FROM with three arguments,
 * and a file of such lines is one comment line or one broken instruction. The fix turns every lone
 * `\r` into `\n`.
 */
export const loneCarriageReturnRule: Rule = {
  code: 'LoneCarriageReturn',
  defaultSeverity: 'error',
  buildkit: false,
  docUrl: 'https://docs.docker.com/reference/dockerfile/#format',
  check: (model): Finding[] => {
    const text = model.document.getText();
    const offsets = [...text.matchAll(/\r(?!\n)/g)].map((match) => match.index ?? 0);
    const first = offsets[0];
    if (first === undefined) {
      return [];
    }
    const start = model.document.positionAt(first);
    const line = start.line + 1;
    const edits: TextEdit[] = offsets.map((offset) => ({ range: { start: model.document.positionAt(offset), end: model.document.positionAt(offset + 1) }, newText: '\n' }));
    return [
      {
        // The first line so ended: the editor shows a break after it that Docker does not see.
        range: { start: { line: start.line, character: 0 }, end: start },
        message: {
          en: `Line ${line} ends in a lone carriage return (\\r)${offsets.length > 1 ? `, as do ${offsets.length - 1} more lines` : ''}. Docker breaks lines only at \\n, so it reads line ${line} and the next as one line, and the build fails or does something else.`,
          'zh-cn': `第 ${line} 行以单独的回车符（\\r）结尾${offsets.length > 1 ? `，另有 ${offsets.length - 1} 行也是如此` : ''}。Docker 只把 \\n 当作换行，因此会把第 ${line} 行和下一行读成一行，构建会失败或得到意外的结果。`,
        },
        fix: {
          title: { en: 'Use \\n line breaks', 'zh-cn': '改用 \\n 换行' },
          edits,
        },
      },
    ];
  },
};
