import { formatExecForm } from '../../../semantics/display';
import type { BrokenJson } from '../../../semantics/commandForm';
import type { Finding, Localized, Rule } from '../rule';
import { replaceArguments } from './helpers';

const problems: Readonly<Record<BrokenJson['problem'], Localized>> = {
  singleQuotes: { en: 'single quotes are not JSON; use double quotes', 'zh-cn': '单引号不是合法 JSON，请使用双引号' },
  curlyQuotes: { en: 'typographic quotes (“ ” ‘ ’) are not JSON; use straight double quotes', 'zh-cn': '中文/排版引号（“ ” ‘ ’）不是合法 JSON，请使用英文双引号' },
  missingComma: { en: 'the elements need commas between them', 'zh-cn': '元素之间缺少逗号' },
  trailingComma: { en: 'JSON does not allow a trailing comma', 'zh-cn': 'JSON 不允许末尾多余的逗号' },
  other: { en: 'the array is not valid JSON', 'zh-cn': '该数组不是合法的 JSON' },
};

/** A CMD/ENTRYPOINT written like an exec-form array that is not valid JSON, so Docker silently runs it through the shell. */
export const invalidJsonExecFormRule: Rule = {
  code: 'InvalidJsonExecForm',
  defaultSeverity: 'warning',
  buildkit: false,
  docUrl: 'https://docs.docker.com/reference/dockerfile/#shell-and-exec-form',
  check: (model): Finding[] => {
    const findings: Finding[] = [];
    for (const stage of model.stages) {
      for (const entry of [...stage.cmds, ...stage.entrypoints]) {
        const broken = entry.form.kind === 'shell' ? entry.form.brokenJson : undefined;
        if (!broken) {
          continue;
        }
        const problem = problems[broken.problem];
        findings.push({
          range: entry.instruction.getRange(),
          message: {
            en: `This ${entry.keyword} looks like exec form but is not valid JSON (${problem.en}), so Docker runs the whole text through \`/bin/sh -c\`.`,
            'zh-cn': `这条 ${entry.keyword} 看起来是 exec 形式，但不是合法的 JSON（${problem['zh-cn']}），因此 Docker 会把整段文本交给 \`/bin/sh -c\` 执行。`,
          },
          ...(broken.intended
            ? {
                fix: {
                  title: { en: 'Rewrite as valid JSON exec form', 'zh-cn': '改写为合法的 JSON exec 形式' },
                  edits: [replaceArguments(entry.instruction, formatExecForm(broken.intended))],
                },
              }
            : {}),
        });
      }
    }
    return findings;
  },
};
