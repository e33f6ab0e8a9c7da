import type { Finding, Rule } from '../rule';
import { instructionRule } from '../instructionRule';
import { logicalArguments } from '../../../semantics/instructionText';
import type { Range } from 'vscode-languageserver';
import type { Fix } from '../rule';
import { rangeOfWord, splitUnquoted } from './helpers';
import { instructionFlags } from '../../../docs/keys';
import { closestWord } from './spelling';


/**
 * Docker's parser takes every leading `--word` of an instruction as a flag and fails the build on one
 * the instruction does not know (`Unknown flag: chwon`). ONBUILD is skipped: its trigger is parsed
 * only when a later build uses the image.
 */
export const unknownFlagRule: Rule = instructionRule({
  code: 'UnknownFlag',
  defaultSeverity: 'error',
  buildkit: false,
  docUrl: 'https://docs.docker.com/reference/dockerfile/#overview',
  checkInstruction: (model, instruction): Finding[] => {
    const findings: Finding[] = [];
    const keyword = instruction.getKeyword();
    if (keyword === 'ONBUILD') {
      return findings;
    }
    const text = logicalArguments(model.document, instruction, model.dockerfile.getEscapeCharacter());
    if (!text.startsWith('--')) {
      return findings;
    }
    // Labs flags included, so nothing valid is flagged.
    const known = (instructionFlags[keyword] ?? []).map((spec) => spec.name);
    for (const word of leadingFlags(text)) {
      const name = (word.slice(2).split('=', 1)[0] ?? '').toLowerCase();
      if (known.includes(name)) {
        continue;
      }
      const suggestion = closestWord(name, known);
      const range = rangeOfWord(model, instruction, word);
      findings.push({
        range,
        message: suggestion
          ? { en: `Unknown flag --${name} for ${keyword} (did you mean --${suggestion}?): the build fails.`, 'zh-cn': `${keyword} 不支持参数 --${name}（是否想写 --${suggestion}？）：构建会失败。` }
          : known.length > 0
            ? { en: `Unknown flag --${name} for ${keyword}: it accepts ${known.map((flag) => `--${flag}`).join(', ')}; the build fails.`, 'zh-cn': `${keyword} 不支持参数 --${name}：它只接受 ${known.map((flag) => `--${flag}`).join('、')}；构建会失败。` }
            : { en: `${keyword} takes no flags: the parser reads --${name} as one and the build fails.`, 'zh-cn': `${keyword} 不接受任何参数标志：解析器会把 --${name} 当作标志，构建会失败。` },
        fix: suggestion ? renameFix(range, word, suggestion) : undefined,
      });
    }
    return findings;
  },
});

/** The `--flag[=value]` words before the first other word (a bare `--` ends them, as in Docker's parser). */
function leadingFlags(text: string): string[] {
  const flags: string[] = [];
  for (const word of splitUnquoted(text)) {
    if (word === '--' || !word.startsWith('--')) {
      break;
    }
    flags.push(word);
  }
  return flags;
}

/** Replaces the flag's name (not its value) when the word was found where it is written. */
function renameFix(range: Range, word: string, suggestion: string): Fix | undefined {
  if (range.start.line !== range.end.line || range.end.character - range.start.character !== word.length) {
    return undefined;
  }
  const written = word.slice(2).split('=', 1)[0] ?? '';
  const start = { line: range.start.line, character: range.start.character + 2 };
  return {
    title: { en: `Change to --${suggestion}`, 'zh-cn': `改为 --${suggestion}` },
    edits: [{ range: { start, end: { line: start.line, character: start.character + written.length } }, newText: suggestion }],
  };
}
