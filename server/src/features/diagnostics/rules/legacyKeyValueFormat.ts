import type { Finding, Rule } from '../rule';
import { buildkitDocUrl } from '../rule';
import { logicalArguments } from '../../../semantics/instructionText';
import { instructionsOf } from '../../../semantics/model';
import { replaceArguments, splitUnquoted } from './helpers';

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

/** `ENV key value` / `LABEL key value` (no `=` in the first word): legacy, and everything after the key becomes one value. */
export const legacyKeyValueFormatRule: Rule = {
  code: 'LegacyKeyValueFormat',
  defaultSeverity: 'warning',
  buildkit: true,
  docUrl: buildkitDocUrl('LegacyKeyValueFormat'),
  check: (model): Finding[] => {
    const findings: Finding[] = [];
    const escapeChar = model.dockerfile.getEscapeCharacter();
    for (const instruction of instructionsOf(model, 'ENV', 'LABEL')) {
      const keyword = instruction.getKeyword();
      const text = logicalArguments(model.document, instruction, escapeChar);
      // BuildKit's test: the first word (quotes kept together) has no `=`; then the key is the text up to the first space.
      const match = /^(\S+)\s+(.*)$/s.exec(text);
      const firstWord = splitUnquoted(text)[0];
      if (!match?.[1] || match[2] === undefined || firstWord === undefined || firstWord.includes('=')) {
        continue;
      }
      const [key, rest] = [match[1], match[2].trim()];
      const replacement = modernForm(key, rest);
      findings.push({
        range: instruction.getRange(),
        message: {
          en: `"${keyword} ${key}=value" should be used instead of the legacy "${keyword} ${key} value" format (everything after the key becomes one value).`,
          'zh-cn': `应使用“${keyword} ${key}=value”，而不是旧式的“${keyword} ${key} value”写法（键之后的全部内容都会成为同一个值）。`,
        },
        ...(replacement
          ? {
              fix: {
                title: { en: `Rewrite as ${keyword} ${key}=…`, 'zh-cn': `改写为 ${keyword} ${key}=…` },
                edits: [replaceArguments(instruction, replacement)],
              },
            }
          : {}),
      });
    }
    return findings;
  },
};
