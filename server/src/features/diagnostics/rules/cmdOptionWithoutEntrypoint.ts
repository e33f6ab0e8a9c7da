import type { Finding, Rule } from '../rule';
import { cmdEntrypointDocUrl } from '../rule';

/** An exec-form CMD that starts with an option while the image has no ENTRYPOINT: the option runs as a program. */
export const cmdOptionWithoutEntrypointRule: Rule = {
  code: 'CmdOptionWithoutEntrypoint',
  defaultSeverity: 'warning',
  buildkit: false,
  docUrl: cmdEntrypointDocUrl,
  check: (model): Finding[] => {
    const findings: Finding[] = [];
    for (const command of model.commands) {
      const cmd = command.stage.cmds.at(-1);
      const first = cmd?.form.kind === 'exec' ? cmd.form.argv[0] : undefined;
      // A null entrypoint is known to be absent; 'unknown' (external base) may well provide one.
      if (!cmd || first === undefined || !first.startsWith('-') || command.entrypoint.value !== null) {
        continue;
      }
      findings.push({
        range: cmd.instruction.getRange(),
        message: {
          en: `CMD starts with the option "${first}" but the image has no ENTRYPOINT: Docker will try to execute "${first}" as a program. Add an ENTRYPOINT that takes these arguments.`,
          'zh-cn': `CMD 以选项“${first}”开头，但镜像没有 ENTRYPOINT：Docker 会尝试把“${first}”当作程序执行。请添加接收这些参数的 ENTRYPOINT。`,
        },
      });
    }
    return findings;
  },
};
