import type { Finding, Rule } from '../rule';

/** Exec form that is valid JSON but holds non-strings (`["a", 1]`): Docker refuses to build. */
export const execFormNotStringsRule: Rule = {
  code: 'ExecFormNotStrings',
  defaultSeverity: 'error',
  buildkit: false,
  docUrl: 'https://docs.docker.com/reference/dockerfile/#shell-and-exec-form',
  check: (model): Finding[] =>
    model.stages.flatMap((stage) =>
      [...stage.cmds, ...stage.entrypoints, ...stage.shells]
        .filter((entry) => entry.form.kind === 'notStringArray')
        .map(
          (entry): Finding => ({
            range: entry.instruction.getRange(),
            message: {
              en: `${entry.keyword} in exec form must be a JSON array of strings; the build fails on other values.`,
              'zh-cn': `exec 形式的 ${entry.keyword} 必须是字符串组成的 JSON 数组；其他值会导致构建失败。`,
            },
          }),
        ),
    ),
};

/** SHELL accepts only the JSON form: anything else fails the build. */
export const shellNotJsonRule: Rule = {
  code: 'ShellNotJson',
  defaultSeverity: 'error',
  buildkit: false,
  docUrl: 'https://docs.docker.com/reference/dockerfile/#shell',
  check: (model): Finding[] =>
    model.stages.flatMap((stage) =>
      stage.shells
        .filter((entry) => entry.form.kind === 'shell' || entry.form.kind === 'empty')
        .map(
          (entry): Finding => ({
            range: entry.instruction.getRange(),
            message: {
              en: 'SHELL requires the JSON form, e.g. SHELL ["/bin/bash", "-c"]; the build fails otherwise.',
              'zh-cn': 'SHELL 必须使用 JSON 形式，例如 SHELL ["/bin/bash", "-c"]；否则构建会失败。',
            },
          }),
        ),
    ),
};
