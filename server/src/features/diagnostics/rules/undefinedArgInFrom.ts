import type { Finding, Rule } from '../rule';
import { buildkitDocUrl } from '../rule';
import { closestWord } from './spelling';
import { predefinedArgNames } from '../../../docs/predefinedArgs';
import { logicalArguments } from '../../../semantics/instructionText';
import { globalDeclarations } from '../../../syntax/variableScope';
import { expansionReferences } from './expansionReferences';

/** Build arguments BuildKit defines automatically for every FROM: the platform ones. */
const platformArgs = predefinedArgNames('platform');

/** A variable in FROM that no ARG before the first FROM declares expands to nothing. */
export const undefinedArgInFromRule: Rule = {
  code: 'UndefinedArgInFrom',
  defaultSeverity: 'warning',
  buildkit: true,
  docUrl: buildkitDocUrl('UndefinedArgInFrom'),
  check: (model): Finding[] => {
    // FROM lines are read in the global scope (the scope model's: every name of `ARG A B` counts).
    const declared = globalDeclarations(model).map((declaration) => declaration.name);
    const known = [...declared, ...platformArgs];
    const findings: Finding[] = [];
    const escapeChar = model.dockerfile.getEscapeCharacter();
    // Most FROM lines have no variable: skip the scan for them.
    const withVariables = model.stages.filter((stage) => logicalArguments(model.document, stage.from, escapeChar).includes('$'));
    for (const stage of withVariables) {
      // Our own scan, not the syntax tree's variables: those read `${X-default}` as one name `X-default`.
      for (const reference of expansionReferences(stage.from, { lines: model.lines, escapeChar, skipLines: model.heredocLines })) {
        const name = reference.name;
        // `${X-default}` and `${X:-default}` are written to work without X, so they are not reported.
        if (known.includes(name) || hasDefault(model.lines[reference.range.start.line] ?? '', reference.range.start.character, reference.range.end.character)) {
          continue;
        }
        const suggestion = closestWord(name, declared);
        findings.push({
          range: reference.range,
          message: suggestion
            ? { en: `FROM argument '${name}' is not declared (did you mean ${suggestion}?).`, 'zh-cn': `FROM 参数“${name}”未声明（是否想写 ${suggestion}？）。` }
            : {
                en: `FROM argument '${name}' is not declared: declare it with ARG before the first FROM.`,
                'zh-cn': `FROM 参数“${name}”未声明：请在第一个 FROM 之前用 ARG 声明。`,
              },
        });
      }
    }
    return findings;
  },
};

/** Whether the name at [start, end) is written `${NAME-…}` or `${NAME:-…}`. */
function hasDefault(line: string, start: number, end: number): boolean {
  return line[start - 1] === '{' && (line.startsWith('-', end) || line.startsWith(':-', end));
}
