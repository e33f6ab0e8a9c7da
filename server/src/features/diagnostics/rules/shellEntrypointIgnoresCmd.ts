import type { Finding, Rule } from '../rule';
import { cmdEntrypointDocUrl } from '../rule';
import { lineOf, toExecFormFix } from './helpers';

/**
 * A shell-form ENTRYPOINT with a CMD in the same stage. The engine runs `/bin/sh -c <text> <CMD words…>`,
 * so the CMD (and `docker run` arguments) only become `$0`, `$1`… of that shell: ignored unless the
 * text reads them. Silent when it does, and for non-POSIX shells (PowerShell, cmd.exe), which treat
 * the extra words their own way.
 */
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
      const shellEntrypoint = command.shellEntrypoint;
      if (!shellEntrypoint || !shellEntrypoint.posix || shellEntrypoint.readsParameters) {
        continue;
      }
      const fix = toExecFormFix(entrypoint);
      findings.push({
        range: entrypoint.instruction.getRange(),
        message: {
          en: `Shell-form ENTRYPOINT runs as \`/bin/sh -c …\`: the CMD on line ${lineOf(cmd.instruction)} and any \`docker run\` arguments only become \`$0\`, \`$1\`… of that shell, which this command does not read, so they are ignored; and PID 1 is the shell, which does not forward signals. Use exec form (JSON array).`,
          'zh-cn': `shell 形式的 ENTRYPOINT 以 \`/bin/sh -c …\` 运行：第 ${lineOf(cmd.instruction)} 行的 CMD 以及 \`docker run\` 的参数只会成为该 shell 的 \`$0\`、\`$1\`…，而这条命令没有读取它们，因此被忽略；且 PID 1 是 shell，不会转发信号。请改用 exec 形式（JSON 数组）。`,
        },
        ...(fix ? { fix } : {}),
      });
    }
    return findings;
  },
};
