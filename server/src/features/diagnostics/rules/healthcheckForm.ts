import { logicalArguments } from '../../../semantics/instructionText';
import { instructionsOf } from '../../../semantics/model';
import type { Finding, Rule } from '../rule';

/** HEALTHCHECK takes `NONE` or `[options] CMD command`; anything else fails the build. */
export const healthcheckFormRule: Rule = {
  code: 'HealthcheckForm',
  defaultSeverity: 'error',
  buildkit: false,
  docUrl: 'https://docs.docker.com/reference/dockerfile/#healthcheck',
  check: (model): Finding[] => {
    const escapeChar = model.dockerfile.getEscapeCharacter();
    return instructionsOf(model, 'HEALTHCHECK').flatMap((instruction): Finding[] => {
      const words = logicalArguments(model.document, instruction, escapeChar).split(/\s+/).filter(Boolean);
      const subcommand = words.find((word) => !word.startsWith('--'))?.toUpperCase();
      const valid =
        (subcommand === 'NONE' && words.length === 1) || (subcommand === 'CMD' && words.indexOf(words.find((word) => !word.startsWith('--')) ?? '') < words.length - 1);
      if (valid) {
        return [];
      }
      return [
        {
          range: instruction.getRange(),
          message: {
            en: 'HEALTHCHECK must be either NONE or [options] CMD <command>.',
            'zh-cn': 'HEALTHCHECK 只能是 NONE，或 [选项] CMD <命令>。',
          },
        },
      ];
    });
  },
};
