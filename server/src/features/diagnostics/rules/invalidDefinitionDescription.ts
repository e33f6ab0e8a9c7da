import type { Instruction } from 'dockerfile-ast';
import type { Finding, Rule } from '../rule';
import { buildkitDocUrl } from '../rule';
import { precedingComments } from '../checkDirectives';
import { logicalArguments } from '../../../semantics/instructionText';
import type { DockerfileModel } from '../../../semantics/model';
import { splitUnquoted } from './helpers';

/**
 * Experimental BuildKit check: the comment right above `ARG` or `FROM … AS name` documents it (tools show it
 * as the argument's or stage's description), so it must start with that name. BuildKit looks at the last
 * comment since the previous instruction and compares its first word exactly; the stage name is lowercase.
 */
export const invalidDefinitionDescriptionRule: Rule = {
  code: 'InvalidDefinitionDescription',
  defaultSeverity: 'warning',
  buildkit: true,
  experimental: true,
  docUrl: buildkitDocUrl('InvalidDefinitionDescription'),
  check: (model): Finding[] => {
    const findings: Finding[] = [];
    model.instructions.forEach((instruction, index) => {
      const keyword = instruction.getKeyword();
      if (keyword !== 'ARG' && keyword !== 'FROM') {
        return;
      }
      const names = definedNames(model, instruction);
      const description = names.length > 0 ? precedingComments(model, index).at(-1) : undefined;
      if (description === undefined || names.includes(description.split(' ', 1)[0] ?? '')) {
        return;
      }
      const example = names.length === 1 ? (names[0] ?? '') : '<arg_key>';
      findings.push({
        range: instruction.getRange(),
        message: {
          en: `Comment for ${keyword} should follow the format: \`# ${example} <description>\`. If it is not meant as a description, put an empty \`#\` line between the comment and the instruction.`,
          'zh-cn': `${keyword} 上方的注释应采用 \`# ${example} <描述>\` 格式。如果它不是描述，请在注释与指令之间加一个空的 \`#\` 行。`,
        },
      });
    });
    return findings;
  },
};

/** The names an ARG declares, or the stage name of `FROM image AS name` (BuildKit lowercases it). */
function definedNames(model: DockerfileModel, instruction: Instruction): string[] {
  const words = splitUnquoted(logicalArguments(model.document, instruction, model.dockerfile.getEscapeCharacter()));
  if (instruction.getKeyword() === 'ARG') {
    return words.map((word) => word.split('=', 1)[0] ?? '').filter(Boolean);
  }
  const flagsEnd = words.findIndex((word) => !word.startsWith('--'));
  const rest = flagsEnd < 0 ? [] : words.slice(flagsEnd);
  return rest.length === 3 && rest[1]?.toLowerCase() === 'as' && rest[2] ? [rest[2].toLowerCase()] : [];
}
