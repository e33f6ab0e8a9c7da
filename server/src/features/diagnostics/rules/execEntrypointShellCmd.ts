import type { Finding, Rule } from '../rule';
import { cmdEntrypointDocUrl } from '../rule';
import { toExecFormFix } from './helpers';

/** An exec-form ENTRYPOINT with a shell-form CMD: the entrypoint receives `/bin/sh -c …` as arguments. */
export const execEntrypointShellCmdRule: Rule = {
  code: 'ExecEntrypointShellCmd',
  defaultSeverity: 'warning',
  buildkit: false,
  docUrl: cmdEntrypointDocUrl,
  check: (model): Finding[] => {
    const findings: Finding[] = [];
    for (const command of model.commands) {
      const cmd = command.stage.cmds.at(-1);
      const entrypoint = command.entrypoint;
      if (!cmd || cmd.form.kind !== 'shell' || !Array.isArray(entrypoint.value) || entrypoint.shellForm) {
        continue;
      }
      const shell = (cmd.shell ?? command.shell).join(' ');
      const fix = toExecFormFix(cmd);
      findings.push({
        range: cmd.instruction.getRange(),
        message: {
          en: `The exec-form ENTRYPOINT receives this shell-form CMD as the arguments \`${shell} ${cmd.form.text}\`. Write CMD in exec form (JSON array) to pass plain arguments.`,
          'zh-cn': `exec 形式的 ENTRYPOINT 会把这条 shell 形式的 CMD 当作参数 \`${shell} ${cmd.form.text}\` 接收。若要传递普通参数，请用 exec 形式（JSON 数组）书写 CMD。`,
        },
        ...(fix ? { fix } : {}),
      });
    }
    return findings;
  },
};
