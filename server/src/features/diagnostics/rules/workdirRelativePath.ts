import type { Finding, Rule } from '../rule';
import { buildkitDocUrl } from '../rule';
import { logicalArguments } from '../../../semantics/instructionText';
import type { Instruction } from 'dockerfile-ast';
import { instructionsOf, stageAt } from '../../../semantics/model';
import { splitUnquoted } from './helpers';

/** A relative WORKDIR before any absolute one in the stage depends on the base image's working directory. */
export const workdirRelativePathRule: Rule = {
  code: 'WorkdirRelativePath',
  defaultSeverity: 'warning',
  buildkit: true,
  hadolint: ['DL3000'],
  docUrl: buildkitDocUrl('WorkdirRelativePath'),
  check: (model): Finding[] => {
    const findings: Finding[] = [];
    const absoluteSet = new Set<number>();
    const escapeChar = model.dockerfile.getEscapeCharacter();
    const workdirsByStage = new Map<number, Instruction[]>();
    for (const instruction of instructionsOf(model, 'WORKDIR')) {
      const stage = stageAt(model, instruction.getRange().start.line);
      const group = stage ? workdirsByStage.get(stage.index) : undefined;
      if (group) {
        group.push(instruction);
      } else if (stage) {
        workdirsByStage.set(stage.index, [instruction]);
      }
    }
    for (const stage of model.stages) {
      let hasAbsolute = stage.base.kind === 'stage' && absoluteSet.has(stage.base.index);
      for (const instruction of workdirsByStage.get(stage.index) ?? []) {
        const path = (splitUnquoted(logicalArguments(model.document, instruction, escapeChar))[0] ?? '').replace(/^["']|["']$/g, '');
        // Variables may expand to an absolute path; Windows paths are absolute too.
        const absolute = path.startsWith('/') || path.includes('$') || /^[A-Za-z]:[\\/]/.test(path) || path.startsWith('\\');
        if (absolute) {
          hasAbsolute = true;
        } else if (path !== '' && !hasAbsolute) {
          findings.push({
            range: instruction.getRange(),
            message: {
              en: `Relative workdir "${path}" can have unexpected results if the base image changes: use an absolute path.`,
              'zh-cn': `相对路径的 WORKDIR“${path}”在基础镜像变化时可能产生意外结果：请使用绝对路径。`,
            },
          });
        }
      }
      if (hasAbsolute) {
        absoluteSet.add(stage.index);
      }
    }
    return findings;
  },
};
