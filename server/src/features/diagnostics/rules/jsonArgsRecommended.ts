import { defaultShell } from '../../../semantics/effectiveCommand';
import type { Finding, Rule } from '../rule';
import { buildkitDocUrl } from '../rule';
import { toExecFormFix } from './helpers';

function isDefaultShell(shell: readonly string[]): boolean {
  return shell.length === defaultShell.length && shell.every((word, index) => word === defaultShell[index]);
}

/** Shell-form CMD/ENTRYPOINT: the shell is PID 1 and the program does not receive SIGTERM from `docker stop`. */
export const jsonArgsRecommendedRule: Rule = {
  code: 'JSONArgsRecommended',
  defaultSeverity: 'warning',
  buildkit: true,
  hadolint: ['DL3025'],
  docUrl: buildkitDocUrl('JSONArgsRecommended'),
  check: (model): Finding[] => {
    const findings: Finding[] = [];
    for (const command of model.commands) {
      const stage = command.stage;
      const inheritedShell = stage.base.kind === 'stage' ? model.commands[stage.base.index]?.shell : undefined;
      for (const entry of [...stage.cmds, ...stage.entrypoints]) {
        // Like BuildKit: a SHELL in effect means the shell form is deliberate.
        const shell = entry.shell ?? inheritedShell;
        if (entry.form.kind !== 'shell' || entry.form.brokenJson || (shell && !isDefaultShell(shell))) {
          continue;
        }
        const fix = toExecFormFix(entry);
        findings.push({
          range: entry.instruction.getRange(),
          message: {
            en: `JSON arguments recommended for ${entry.keyword} to prevent unintended behavior related to OS signals: in shell form \`/bin/sh\` is PID 1 and does not pass SIGTERM on to the program.`,
            'zh-cn': `建议 ${entry.keyword} 使用 JSON 参数，以免出现与操作系统信号相关的意外行为：shell 形式下 PID 1 是 \`/bin/sh\`，它不会把 SIGTERM 转发给程序。`,
          },
          ...(fix ? { fix } : {}),
        });
      }
    }
    return findings;
  },
};
