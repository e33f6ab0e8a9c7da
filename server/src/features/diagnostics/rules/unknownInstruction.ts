import type { Range } from 'vscode-languageserver';
import type { DockerfileModel } from '../../../semantics/model';
import type { Finding, Rule } from '../rule';
import { instructionKeywords } from '../../../docs/keys';
import { closestWord } from './spelling';

const knownKeywords: readonly string[] = instructionKeywords;

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

/** `CMD["a"]`: a keyword glued to its JSON or quoted argument; returns the keyword as written. */
function gluedKeyword(written: string): string | undefined {
  const match = /^([A-Za-z]+)[[\]"'{]/.exec(written);
  return match?.[1] && knownKeywords.includes(match[1].toUpperCase()) ? match[1] : undefined;
}

function missingSpaceFinding(written: string, keyword: string, range: Range): Finding {
  const position = { line: range.start.line, character: range.start.character + keyword.length };
  return {
    range,
    message: {
      en: `"${written}" is not an instruction: ${keyword.toUpperCase()} needs a space before its arguments.`,
      'zh-cn': `“${written}”不是指令：${keyword.toUpperCase()} 与参数之间需要一个空格。`,
    },
    fix: {
      title: { en: `Insert a space after ${keyword}`, 'zh-cn': `在 ${keyword} 后插入空格` },
      edits: [{ range: { start: position, end: position }, newText: ' ' }],
    },
  };
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
      const range = instruction.getInstructionRange();
      const glued = gluedKeyword(written);
      if (glued) {
        findings.push(missingSpaceFinding(written, glued, range));
        continue;
      }
      const suggestion = closestWord(keyword, knownKeywords);
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
