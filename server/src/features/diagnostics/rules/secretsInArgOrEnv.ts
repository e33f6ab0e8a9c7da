import type { PropertyInstruction } from 'dockerfile-ast';
import type { Finding, Rule } from '../rule';
import { buildkitDocUrl } from '../rule';

// The same word lists BuildKit uses: a name part that says secret, unless another part says it is not.
const secretWords = /(?:^|_)(?:apikey|auth|credential|credentials|key|password|pword|passwd|secret|token)(?:_|$)/i;
const allowedWords = /(?:^|_)(?:public|file|version)(?:_|$)/i;

/** ARG/ENV values end up in the image history or config, so a secret-looking name deserves a warning. */
export const secretsInArgOrEnvRule: Rule = {
  code: 'SecretsUsedInArgOrEnv',
  defaultSeverity: 'warning',
  buildkit: true,
  hadolint: ['DL3064'],
  docUrl: buildkitDocUrl('SecretsUsedInArgOrEnv'),
  check: (model): Finding[] => {
    const findings: Finding[] = [];
    for (const instruction of model.instructions) {
      const keyword = instruction.getKeyword();
      if (keyword !== 'ARG' && keyword !== 'ENV') {
        continue;
      }
      for (const property of (instruction as PropertyInstruction).getProperties()) {
        const name = property.getName();
        if (!secretWords.test(name) || allowedWords.test(name)) {
          continue;
        }
        findings.push({
          range: property.getNameRange(),
          message: {
            en: `Do not use ARG or ENV instructions for sensitive data (${keyword} "${name}"): the value is stored in the image. Use a build secret (RUN --mount=type=secret) instead.`,
            'zh-cn': `不要用 ARG 或 ENV 传递敏感数据（${keyword}“${name}”）：其值会保存在镜像中。请改用构建密钥（RUN --mount=type=secret）。`,
          },
        });
      }
    }
    return findings;
  },
};
