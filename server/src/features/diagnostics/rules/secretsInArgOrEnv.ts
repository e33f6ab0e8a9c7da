import type { Finding, Rule } from '../rule';
import { buildkitDocUrl } from '../rule';
import { logicalArguments } from '../../../semantics/instructionText';
import { instructionRule } from '../instructionRule';
import { rangeOfWord, splitUnquoted } from './helpers';

// The same word lists BuildKit uses: a name part that says secret, unless another part says it is not.
const secretWords = /(?:^|_)(?:apikey|auth|credential|credentials|key|password|pword|passwd|secret|token)(?:_|$)/i;
const allowedWords = /(?:^|_)(?:public|file|version)(?:_|$)/i;

/** Names an ARG/ENV declares: `a=1 b`, or the key of a legacy `ENV key value`. */
export function declaredNames(text: string): string[] {
  const words = splitUnquoted(text);
  const first = words[0];
  if (first !== undefined && !first.includes('=') && words.length > 1 && !words[1]?.includes('=')) {
    return [first];
  }
  return words.map((word) => word.split('=', 1)[0] ?? '').filter(Boolean);
}

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
    for (const name of declaredNames(logicalArguments(model.document, instruction, model.dockerfile.getEscapeCharacter()))) {
      if (!secretWords.test(name) || allowedWords.test(name)) {
        continue;
      }
      findings.push({
        range: rangeOfWord(model, instruction, name),
        message: {
          en: `Do not use ARG or ENV instructions for sensitive data (${keyword} "${name}"): the value is stored in the image. Use a build secret (RUN --mount=type=secret) instead.`,
          'zh-cn': `不要用 ARG 或 ENV 传递敏感数据（${keyword}“${name}”）：其值会保存在镜像中。请改用构建机密信息（RUN --mount=type=secret）。`,
        },
      });
    }
    return findings;
  },
});
