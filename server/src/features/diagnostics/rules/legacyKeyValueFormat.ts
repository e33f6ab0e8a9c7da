import type { Finding, Rule } from '../rule';
import { buildkitDocUrl } from '../rule';
import { logicalArguments } from '../../../semantics/instructionText';
import { instructionsOf } from '../../../semantics/model';
import { replaceArguments } from './helpers';

/** The `key=value` text for a legacy `ENV key value`, when it can be written without changing the value. */
function modernForm(key: string, rest: string): string | undefined {
  if (/^"[^"\\]*"$/.test(rest) || /^'[^']*'$/.test(rest)) {
    return `${key}=${rest}`;
  }
  if (/["'\\]/.test(rest)) {
    return undefined;
  }
  return /\s/.test(rest) ? `${key}="${rest}"` : `${key}=${rest}`;
}

/** `ENV key value` (no `=`): legacy, and everything after the key becomes one value. */
export const legacyKeyValueFormatRule: Rule = {
  code: 'LegacyKeyValueFormat',
  defaultSeverity: 'warning',
  buildkit: true,
  docUrl: buildkitDocUrl('LegacyKeyValueFormat'),
  check: (model): Finding[] => {
    const findings: Finding[] = [];
    const escapeChar = model.dockerfile.getEscapeCharacter();
    for (const instruction of instructionsOf(model, 'ENV')) {
      const text = logicalArguments(model.document, instruction, escapeChar);
      const match = /^([^\s=]+)\s+(.*)$/s.exec(text);
      if (!match?.[1] || match[2] === undefined) {
        continue;
      }
      const [key, rest] = [match[1], match[2].trim()];
      const replacement = modernForm(key, rest);
      findings.push({
        range: instruction.getRange(),
        message: {
          en: `"ENV ${key}=value" should be used instead of the legacy "ENV ${key} value" format (everything after the key becomes one value).`,
          'zh-cn': `应使用“ENV ${key}=value”，而不是旧式的“ENV ${key} value”写法（键之后的全部内容都会成为同一个值）。`,
        },
        ...(replacement
          ? {
              fix: {
                title: { en: `Rewrite as ENV ${key}=…`, 'zh-cn': `改写为 ENV ${key}=…` },
                edits: [replaceArguments(instruction, replacement)],
              },
            }
          : {}),
      });
    }
    return findings;
  },
};
