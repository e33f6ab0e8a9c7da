import type { Instruction } from 'dockerfile-ast';
import { logicalArguments } from '../../../semantics/instructionText';
import { instructionsOf, stageAt, type DockerfileModel } from '../../../semantics/model';
import type { Stage } from '../../../semantics/stages';
import type { Finding, Rule } from '../rule';
import { closestWord } from './spelling';
import { rangeOfWord } from './helpers';

interface CopyFrom {
  readonly instruction: Instruction;
  readonly value: string;
  readonly stage: Stage;
}

/** Every `COPY --from=…` with the stage it sits in. */
function copyFroms(model: DockerfileModel): CopyFrom[] {
  const escapeChar = model.dockerfile.getEscapeCharacter();
  return instructionsOf(model, 'COPY').flatMap((instruction): CopyFrom[] => {
    const value = /(?:^|\s)--from=(\S+)/.exec(logicalArguments(model.document, instruction, escapeChar))?.[1]?.replace(/^["']|["']$/g, '');
    const line = instruction.getRange().start.line;
    const stage = stageAt(model, line);
    return value && stage && !value.includes('$') ? [{ instruction, value, stage }] : [];
  });
}

/** `COPY --from` naming the stage itself or a stage index that is not earlier: the build fails. */
export const copyFromSelfRule: Rule = {
  code: 'CopyFromSelf',
  defaultSeverity: 'error',
  buildkit: false,
  hadolint: ['DL3022', 'DL3023'],
  docUrl: 'https://docs.docker.com/reference/dockerfile/#copy---from',
  check: (model): Finding[] =>
    copyFroms(model).flatMap(({ instruction, value, stage }): Finding[] => {
      const index = /^\d+$/.test(value) ? Number(value) : undefined;
      const self = value.toLowerCase() === stage.name || (index !== undefined && index >= stage.index);
      if (!self) {
        return [];
      }
      return [
        {
          range: rangeOfWord(model, instruction, `--from=${value}`),
          message:
            index !== undefined
              ? { en: `--from=${value} must name an earlier stage (this is stage ${stage.index}).`, 'zh-cn': `--from=${value} 必须指向更早的阶段（当前是第 ${stage.index} 个阶段）。` }
              : { en: `--from=${value} names the stage this COPY is in: a stage cannot copy from itself.`, 'zh-cn': `--from=${value} 指向本条 COPY 所在的阶段：阶段不能从自身复制。` },
        },
      ];
    }),
};

/** `COPY --from=biuld` where `build` is a stage: an unknown name is pulled as an image, which is rarely meant. */
export const copyFromUnknownStageRule: Rule = {
  code: 'CopyFromUnknownStage',
  defaultSeverity: 'warning',
  buildkit: false,
  docUrl: 'https://docs.docker.com/reference/dockerfile/#copy---from',
  check: (model): Finding[] => {
    const names = model.stages.flatMap((stage) => (stage.name ? [stage.name] : []));
    return copyFroms(model).flatMap(({ instruction, value }): Finding[] => {
      const lower = value.toLowerCase();
      // Image references (registry paths, tags, digests) are legitimate sources.
      if (/^\d+$/.test(value) || /[/:@.]/.test(value) || names.includes(lower)) {
        return [];
      }
      const suggestion = closestWord(lower, names);
      if (!suggestion) {
        return [];
      }
      const range = rangeOfWord(model, instruction, `--from=${value}`);
      return [
        {
          range,
          message: {
            en: `"${value}" is not a stage of this file, so it is pulled as an image. Did you mean the stage "${suggestion}"?`,
            'zh-cn': `“${value}”不是本文件中的阶段，因此会被当作镜像拉取。是否想写阶段“${suggestion}”？`,
          },
          fix: {
            title: { en: `Change to --from=${suggestion}`, 'zh-cn': `改为 --from=${suggestion}` },
            edits: [{ range, newText: `--from=${suggestion}` }],
          },
        },
      ];
    });
  },
};
