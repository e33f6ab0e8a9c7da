import type { Finding, Rule } from '../rule';
import { buildkitDocUrl } from '../rule';
import { instructionRule } from '../instructionRule';
import { declarationsOf } from '../../../syntax/variableDeclarations';

// The same word lists BuildKit uses: a name part that says secret, unless another part says it is not.
const secretWords = /(?:^|_)(?:apikey|auth|credential|credentials|key|password|pword|passwd|secret|token)(?:_|$)/i;
const allowedWords = /(?:^|_)(?:public|file|version)(?:_|$)/i;

/** ARG/ENV values end up in the image history or config, so a secret-looking name deserves a warning. */
export const secretsInArgOrEnvRule: Rule = instructionRule({
  code: 'SecretsUsedInArgOrEnv',
  defaultSeverity: 'warning',
  buildkit: true,
  hadolint: ['DL3064'],
  docUrl: buildkitDocUrl('SecretsUsedInArgOrEnv'),
  keywords: ['ARG', 'ENV'],
  checkInstruction: (model, instruction): Finding[] => {
    const findings: Finding[] = [];
    const keyword = instruction.getKeyword();
    // The names as the variable scope reads them (every name of `ARG A B`, the key of `ENV key value`).
    for (const { name, nameRange } of declarationsOf(model, instruction)) {
      if (!secretWords.test(name) || allowedWords.test(name)) {
        continue;
      }
      findings.push({
        range: nameRange,
        message: {
          en: `Do not use ARG or ENV instructions for sensitive data (${keyword} "${name}"): the value is stored in the image. Use a build secret (RUN --mount=type=secret) instead.`,
          'zh-cn': `不要用 ARG 或 ENV 传递敏感数据（${keyword}“${name}”）：其值会保存在镜像中。请改用构建机密信息（RUN --mount=type=secret）。`,
        },
      });
    }
    return findings;
  },
});
