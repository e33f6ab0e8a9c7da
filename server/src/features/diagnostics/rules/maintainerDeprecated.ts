import type { Finding, Rule } from '../rule';
import { buildkitDocUrl } from '../rule';
import { logicalArguments } from '../../../semantics/instructionText';
import { instructionsOf } from '../../../semantics/model';

/** Quotes a LABEL value: double quotes, with `\`, `"` and `$` escaped so nothing is expanded. */
function quoteLabelValue(value: string): string {
  return `"${value.replace(/[\\"$]/g, (char) => `\\${char}`)}"`;
}

/** MAINTAINER is deprecated; the OCI authors label says the same. */
export const maintainerDeprecatedRule: Rule = {
  code: 'MaintainerDeprecated',
  defaultSeverity: 'warning',
  buildkit: true,
  hadolint: ['DL4000'],
  docUrl: buildkitDocUrl('MaintainerDeprecated'),
  check: (model): Finding[] => {
    const escapeChar = model.dockerfile.getEscapeCharacter();
    return instructionsOf(model, 'MAINTAINER').map((instruction): Finding => {
        const value = logicalArguments(model.document, instruction, escapeChar);
        return {
          range: instruction.getRange(),
          message: {
            en: 'MAINTAINER is deprecated: use LABEL org.opencontainers.image.authors="…" instead.',
            'zh-cn': 'MAINTAINER 已弃用：请改用 LABEL org.opencontainers.image.authors="…"。',
          },
          ...(value
            ? {
                fix: {
                  title: { en: 'Replace with LABEL org.opencontainers.image.authors', 'zh-cn': '替换为 LABEL org.opencontainers.image.authors' },
                  edits: [{ range: instruction.getRange(), newText: `LABEL org.opencontainers.image.authors=${quoteLabelValue(value)}` }],
                },
              }
            : {}),
        };
      });
  },
};
