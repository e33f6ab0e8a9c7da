import type { Finding, Rule } from '../rule';
import { buildkitDocUrl } from '../rule';
import { rangeOfWord } from './helpers';

function casingOf(word: string): 'upper' | 'lower' | 'mixed' {
  return word === word.toUpperCase() ? 'upper' : word === word.toLowerCase() ? 'lower' : 'mixed';
}

/** All instructions should share the casing most of them use (BuildKit's ConsistentInstructionCasing). */
export const consistentInstructionCasingRule: Rule = {
  code: 'ConsistentInstructionCasing',
  defaultSeverity: 'warning',
  buildkit: true,
  docUrl: buildkitDocUrl('ConsistentInstructionCasing'),
  check: (model): Finding[] => {
    const written = model.instructions.map((instruction) => ({ instruction, word: instruction.getInstruction() }));
    const upper = written.filter(({ word }) => casingOf(word) === 'upper').length;
    const lower = written.filter(({ word }) => casingOf(word) === 'lower').length;
    const majority = lower > upper ? 'lower' : 'upper';
    return written
      .filter(({ word }) => casingOf(word) !== majority)
      .map(({ instruction, word }): Finding => {
        const fixed = majority === 'upper' ? word.toUpperCase() : word.toLowerCase();
        const range = instruction.getInstructionRange();
        return {
          range,
          message: {
            en: `Command '${word}' should match the case of the command majority (${majority === 'upper' ? 'uppercase' : 'lowercase'}).`,
            'zh-cn': `指令“${word}”的大小写应与多数指令一致（${majority === 'upper' ? '大写' : '小写'}）。`,
          },
          fix: { title: { en: `Change to ${fixed}`, 'zh-cn': `改为 ${fixed}` }, edits: [{ range, newText: fixed }] },
        };
      });
  },
};

/** `FROM x as y`: the AS keyword should use the same casing as FROM. */
export const fromAsCasingRule: Rule = {
  code: 'FromAsCasing',
  defaultSeverity: 'warning',
  buildkit: true,
  docUrl: buildkitDocUrl('FromAsCasing'),
  check: (model): Finding[] =>
    model.stages.flatMap((stage): Finding[] => {
      const from = stage.from.getInstruction();
      const as = /\s(as)\s+\S+\s*$/i.exec(model.lines[stage.from.getRange().start.line] ?? '')?.[1];
      const fromCasing = casingOf(from);
      if (!as || fromCasing === 'mixed' || casingOf(as) === fromCasing) {
        return [];
      }
      const fixed = fromCasing === 'upper' ? 'AS' : 'as';
      const range = rangeOfWord(model, stage.from, ` ${as} `);
      const asRange = { start: { line: range.start.line, character: range.start.character + 1 }, end: { line: range.end.line, character: range.end.character - 1 } };
      return [
        {
          range: asRange,
          message: { en: `'${as}' and '${from}' keywords' casing do not match.`, 'zh-cn': `关键字“${as}”与“${from}”的大小写不一致。` },
          fix: { title: { en: `Change to ${fixed}`, 'zh-cn': `改为 ${fixed}` }, edits: [{ range: asRange, newText: fixed }] },
        },
      ];
    }),
};
