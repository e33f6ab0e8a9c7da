import { instructionsOf } from '../../../semantics/model';
import type { Finding, Rule } from '../rule';
import { forbiddenOnbuildTriggers } from '../../completion/tables';
import { argumentsAfterFlags } from './malformedArguments';
import { rangeOfWord } from './helpers';

/** `ONBUILD ONBUILD`, `ONBUILD FROM` and `ONBUILD MAINTAINER` fail the build (hadolint DL3043). */
export const onbuildTriggerDisallowedRule: Rule = {
  code: 'OnbuildTriggerDisallowed',
  defaultSeverity: 'error',
  buildkit: false,
  hadolint: ['DL3043'],
  docUrl: 'https://docs.docker.com/reference/dockerfile/#onbuild',
  check: (model): Finding[] =>
    instructionsOf(model, 'ONBUILD').flatMap((instruction): Finding[] => {
      const written = argumentsAfterFlags(model, instruction).split(/\s+/, 1)[0] ?? '';
      const trigger = written.toUpperCase();
      if (!forbiddenOnbuildTriggers.has(trigger)) {
        return [];
      }
      return [
        {
          range: rangeOfWord(model, instruction, written),
          message:
            trigger === 'ONBUILD'
              ? { en: 'ONBUILD cannot trigger another ONBUILD; the build fails.', 'zh-cn': 'ONBUILD 不能再触发 ONBUILD；构建会失败。' }
              : { en: `${trigger} is not allowed as an ONBUILD trigger; the build fails.`, 'zh-cn': `${trigger} 不能作为 ONBUILD 的触发指令；构建会失败。` },
        },
      ];
    }),
};
