import type { DockerfileModel } from '../../../semantics/model';
import type { Finding, Rule } from '../rule';
import { closestWord } from './spelling';

/** Every instruction keyword Docker's parser accepts. */
export const knownKeywords: readonly string[] = [
  'ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL', 'MAINTAINER',
  'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR',
];

/**
 * Whether the line before ends in `\` or a backtick: with an escape directive the parser may have
 * missed, this "instruction" is really the continuation of the previous one, so stay silent.
 */
function followsPossibleContinuation(model: DockerfileModel, line: number): boolean {
  if (line === 0) {
    return false;
  }
  const previous = (model.lines[line - 1] ?? '').trimEnd();
  return previous.endsWith('\\') || previous.endsWith('`');
}

/** An instruction Docker does not know fails the build; suggest the closest keyword. */
export const unknownInstructionRule: Rule = {
  code: 'UnknownInstruction',
  defaultSeverity: 'error',
  buildkit: false,
  docUrl: 'https://docs.docker.com/reference/dockerfile/#overview',
  check: (model): Finding[] => {
    const findings: Finding[] = [];
    const unknown = [...model.byKeyword].filter(([keyword]) => !knownKeywords.includes(keyword)).flatMap(([, group]) => group);
    for (const instruction of unknown) {
      const keyword = instruction.getKeyword();
      if (followsPossibleContinuation(model, instruction.getRange().start.line)) {
        continue;
      }
      const written = instruction.getInstruction();
      const suggestion = closestWord(keyword, knownKeywords);
      const range = instruction.getInstructionRange();
      findings.push({
        range,
        message: suggestion
          ? { en: `Unknown instruction "${written}". Did you mean ${suggestion}?`, 'zh-cn': `未知指令“${written}”。是否想写 ${suggestion}？` }
          : { en: `Unknown instruction "${written}": the build fails here.`, 'zh-cn': `未知指令“${written}”：构建会在这里失败。` },
        ...(suggestion
          ? { fix: { title: { en: `Change to ${suggestion}`, 'zh-cn': `改为 ${suggestion}` }, edits: [{ range, newText: suggestion }] } }
          : {}),
      });
    }
    return findings;
  },
};
