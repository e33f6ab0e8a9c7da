import type { Finding, Rule } from '../rule';
import { cmdEntrypointDocUrl } from '../rule';
import { lineOf, toExecFormFix } from './helpers';

/** A shell-form ENTRYPOINT with a CMD in the same stage: the CMD (and `docker run` arguments) are ignored. */
export const shellEntrypointIgnoresCmdRule: Rule = {
  code: 'ShellEntrypointIgnoresCmd',
  defaultSeverity: 'warning',
  buildkit: false,
  docUrl: cmdEntrypointDocUrl,
  check: (model): Finding[] => {
    const findings: Finding[] = [];
    for (const command of model.commands) {
      const entrypoint = command.stage.entrypoints.at(-1);
      const cmd = command.stage.cmds.at(-1);
      if (!entrypoint || !cmd || entrypoint.form.kind !== 'shell' || cmd.form.kind === 'empty') {
        continue;
      }
      const fix = toExecFormFix(entrypoint);
      findings.push({
        range: entrypoint.instruction.getRange(),
        message: {
          en: `Shell-form ENTRYPOINT runs as \`/bin/sh -c …\`: the CMD on line ${lineOf(cmd.instruction)} and any \`docker run\` arguments are ignored, and PID 1 is the shell, which does not forward signals. Use exec form (JSON array).`,
          'zh-cn': `shell 形式的 ENTRYPOINT 以 \`/bin/sh -c …\` 运行：第 ${lineOf(cmd.instruction)} 行的 CMD 以及 \`docker run\` 的参数都会被忽略，且 PID 1 是 shell，不会转发信号。请改用 exec 形式（JSON 数组）。`,
        },
        ...(fix ? { fix } : {}),
      });
    }
    return findings;
  },
};
