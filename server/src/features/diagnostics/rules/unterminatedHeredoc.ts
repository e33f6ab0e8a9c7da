import type { Finding, Fix, Rule } from '../rule';
import type { DockerfileModel } from '../../../semantics/model';
import type { Heredoc } from '../../../syntax/heredocReader';

/**
 * A here-document whose delimiter never appears alone on a line. BuildKit's parser reads to the end
 * of the file looking for it and then fails the build with "unterminated heredoc". The usual cause is
 * a closing line with spaces around the delimiter (only tabs, and only after `<<-`, may come before
 * it); when such a line exists, the message names it and the fix rewrites it.
 */
export const unterminatedHeredocRule: Rule = {
  code: 'UnterminatedHeredoc',
  defaultSeverity: 'error',
  buildkit: false,
  docUrl: 'https://docs.docker.com/reference/dockerfile/#here-documents',
  check: (model): Finding[] => model.heredocs.filter((heredoc) => heredoc.delimiterRange === undefined).map((heredoc) => findingFor(model, heredoc)),
};

function findingFor(model: DockerfileModel, heredoc: Heredoc): Finding {
  const name = heredoc.name;
  const nearMiss = nearMissLine(model, heredoc);
  if (nearMiss !== undefined) {
    const shown = nearMiss + 1;
    return {
      range: heredoc.startRange,
      message: {
        en: `This here-document is never closed: line ${shown} holds \`${name}\` with other characters around it, and the closing line must be exactly \`${name}\`${heredoc.stripsTabs ? ' (tabs before it are allowed with <<-)' : ''}. The build fails with "unterminated heredoc".`,
        'zh-cn': `此 here-document 没有结束：第 ${shown} 行的 \`${name}\` 前后还有其他字符，而结束行必须恰好是 \`${name}\`${heredoc.stripsTabs ? '（使用 <<- 时前面可以有制表符）' : ''}。构建会因 "unterminated heredoc" 失败。`,
      },
      fix: closeAt(`Make line ${shown} the closing line \`${name}\``, `把第 ${shown} 行改为结束行 \`${name}\``, {
        range: { start: { line: nearMiss, character: 0 }, end: { line: nearMiss, character: (model.lines[nearMiss] ?? '').length } },
        newText: name,
      }),
    };
  }
  const lastLine = model.lines.length - 1;
  const lastText = model.lines[lastLine] ?? '';
  return {
    range: heredoc.startRange,
    message: {
      en: `This here-document is never closed: no line holds exactly \`${name}\`, so its body runs to the end of the file and the build fails with "unterminated heredoc".`,
      'zh-cn': `此 here-document 没有结束：没有一行恰好是 \`${name}\`，它的内容一直延续到文件末尾，构建会因 "unterminated heredoc" 失败。`,
    },
    fix: closeAt(`Close it at the end of the file (add a line \`${name}\`)`, `在文件末尾结束它（添加一行 \`${name}\`）`, {
      range: { start: { line: lastLine, character: lastText.length }, end: { line: lastLine, character: lastText.length } },
      // The document's last line is empty when the file ends with a line break.
      newText: lastText === '' ? `${name}\n` : `\n${name}\n`,
    }),
  };
}

function closeAt(en: string, zhCn: string, edit: Fix['edits'][number]): Fix {
  return { title: { en, 'zh-cn': zhCn }, edits: [edit] };
}

/** The first body line that holds the delimiter with only blanks around it (what the author likely meant). */
function nearMissLine(model: DockerfileModel, heredoc: Heredoc): number | undefined {
  const body = heredoc.contentRange;
  if (!body) {
    return undefined;
  }
  for (let line = body.start.line; line <= body.end.line; line += 1) {
    if ((model.lines[line] ?? '').trim() === heredoc.name) {
      return line;
    }
  }
  return undefined;
}
