import type { Instruction } from 'dockerfile-ast';
import type { Finding, Rule } from '../rule';
import { buildkitDocUrl } from '../rule';
import { lineOf } from './helpers';

/** Several CMD, ENTRYPOINT or HEALTHCHECK in one stage: only the last one counts. */
export const multipleInstructionsRule: Rule = {
  code: 'MultipleInstructionsDisallowed',
  defaultSeverity: 'warning',
  buildkit: true,
  hadolint: ['DL4003', 'DL4004', 'DL3012'],
  docUrl: buildkitDocUrl('MultipleInstructionsDisallowed'),
  check: (model): Finding[] => {
    const findings: Finding[] = [];
    for (const stage of model.stages) {
      const groups: [string, readonly Instruction[]][] = [
        ['CMD', stage.cmds.map((entry) => entry.instruction)],
        ['ENTRYPOINT', stage.entrypoints.map((entry) => entry.instruction)],
        ['HEALTHCHECK', stage.healthchecks],
      ];
      for (const [keyword, instructions] of groups) {
        const last = instructions.at(-1);
        if (!last) {
          continue;
        }
        for (const earlier of instructions.slice(0, -1)) {
          findings.push({
            range: earlier.getRange(),
            unnecessary: true,
            message: {
              en: `Multiple ${keyword} instructions in one stage: only the last one (line ${lineOf(last)}) is used, this one has no effect.`,
              'zh-cn': `同一阶段中有多条 ${keyword} 指令：只有最后一条（第 ${lineOf(last)} 行）生效，这一条不起作用。`,
            },
          });
        }
      }
    }
    return findings;
  },
};
