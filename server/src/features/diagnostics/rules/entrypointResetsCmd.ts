import { formatArgv } from '../../../semantics/display';
import type { Finding, Rule } from '../rule';
import { cmdEntrypointDocUrl } from '../rule';

/** An ENTRYPOINT in a stage without CMD clears a CMD the stage would otherwise inherit (known ones only). */
export const entrypointResetsCmdRule: Rule = {
  code: 'EntrypointResetsCmd',
  defaultSeverity: 'warning',
  buildkit: false,
  docUrl: cmdEntrypointDocUrl,
  check: (model): Finding[] => {
    const findings: Finding[] = [];
    for (const command of model.commands) {
      const source = command.cmd.source;
      if (source.kind !== 'reset' || source.by.form.kind === 'shell') {
        continue;
      }
      // Only a CMD we actually know can be reported; an unknown image is never guessed.
      const inherited = source.cleared.value;
      if (!Array.isArray(inherited)) {
        continue;
      }
      const entrypoint = source.by;
      const base = command.stage.base;
      const origin = base.kind === 'stage' ? (model.stages[base.index]?.name ?? String(base.index)) : base.kind === 'image' ? base.name : base.kind;
      const shown = formatArgv(inherited);
      findings.push({
        range: entrypoint.instruction.getRange(),
        message: {
          en: `This ENTRYPOINT resets the CMD inherited from "${origin}" (\`${shown}\`) to nothing. Repeat the CMD in this stage if the entrypoint should receive it.`,
          'zh-cn': `这条 ENTRYPOINT 会把从“${origin}”继承的 CMD（\`${shown}\`）清空。如果入口点需要这些参数，请在本阶段重新写一遍 CMD。`,
        },
      });
    }
    return findings;
  },
};
