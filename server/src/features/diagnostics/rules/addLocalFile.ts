import { heredocsOf } from '../../../semantics/heredocs';
import { logicalArguments } from '../../../semantics/instructionText';
import { instructionsOf } from '../../../semantics/model';
import type { Finding, Rule } from '../rule';
import { splitUnquoted } from './helpers';

const archive = /\.(?:tar|tgz|tbz2?|txz|tzst|gz|bz2|xz|zst|lz4)$/i;
const copyCompatibleFlags = /^--(?:chown|chmod|link)(?:=|$)/;

/** Sources of an ADD, or undefined when ADD does something COPY cannot (or we cannot tell). */
function localSources(text: string): string[] | undefined {
  if (text.startsWith('[')) {
    return undefined;
  }
  const words = splitUnquoted(text);
  const flags = words.filter((word) => word.startsWith('--'));
  if (!flags.every((flag) => copyCompatibleFlags.test(flag))) {
    return undefined;
  }
  const sources = words.filter((word) => !word.startsWith('--')).slice(0, -1);
  const special = sources.some((source) => source.includes('$') || source.includes('://') || source.startsWith('git@') || archive.test(source));
  return sources.length > 0 && !special ? sources : undefined;
}

/** ADD of plain local files: COPY says the same without ADD's URL and auto-extract surprises. */
export const addLocalFileRule: Rule = {
  code: 'AddLocalFile',
  defaultSeverity: 'warning',
  buildkit: false,
  hadolint: ['DL3020'],
  docUrl: 'https://docs.docker.com/build/building/best-practices/#add-or-copy',
  check: (model): Finding[] => {
    const escapeChar = model.dockerfile.getEscapeCharacter();
    return instructionsOf(model, 'ADD').flatMap((instruction): Finding[] => {
      // ADD <<EOF: a here-document, which COPY writes the same way; nothing to say.
      if (heredocsOf(model, instruction).length > 0 || !localSources(logicalArguments(model.document, instruction, escapeChar))) {
        return [];
      }
      const range = instruction.getInstructionRange();
      const copy = instruction.getInstruction() === 'add' ? 'copy' : 'COPY';
      return [
        {
          range,
          message: {
            en: 'ADD copies local files here: use COPY, which does not fetch URLs or unpack archives behind your back.',
            'zh-cn': '这里的 ADD 只是复制本地文件：请使用 COPY，它不会悄悄下载 URL 或解压归档。',
          },
          fix: { title: { en: 'Replace ADD with COPY', 'zh-cn': '将 ADD 替换为 COPY' }, edits: [{ range, newText: copy }] },
        },
      ];
    });
  },
};
