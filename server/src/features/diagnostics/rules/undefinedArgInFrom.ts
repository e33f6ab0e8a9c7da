import type { Finding, Rule } from '../rule';
import { buildkitDocUrl } from '../rule';
import { closestWord } from './spelling';
import { logicalArguments } from '../../../semantics/instructionText';

/** Build arguments BuildKit defines automatically for every FROM. */
const predefinedArgs = ['TARGETPLATFORM', 'TARGETOS', 'TARGETARCH', 'TARGETVARIANT', 'BUILDPLATFORM', 'BUILDOS', 'BUILDARCH', 'BUILDVARIANT'];

/** A variable in FROM that no ARG before the first FROM declares expands to nothing. */
export const undefinedArgInFromRule: Rule = {
  code: 'UndefinedArgInFrom',
  defaultSeverity: 'warning',
  buildkit: true,
  docUrl: buildkitDocUrl('UndefinedArgInFrom'),
  check: (model): Finding[] => {
    const declared = model.dockerfile.getInitialARGs().flatMap((arg) => arg.getProperties().map((property) => property.getName()));
    const known = [...declared, ...predefinedArgs];
    const findings: Finding[] = [];
    const escapeChar = model.dockerfile.getEscapeCharacter();
    // Reading variables from the syntax tree is slow; most FROM lines have none.
    const withVariables = model.stages.filter((stage) => logicalArguments(model.document, stage.from, escapeChar).includes('$'));
    for (const stage of withVariables) {
      for (const variable of stage.from.getVariables()) {
        const name = variable.getName();
        // `${X:-default}` is written to work without X, so it is not reported.
        if (known.includes(name) || variable.getModifier() === '-') {
          continue;
        }
        const suggestion = closestWord(name, declared);
        findings.push({
          range: variable.getRange(),
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
