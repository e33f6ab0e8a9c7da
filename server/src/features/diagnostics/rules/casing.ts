import type { Finding, Rule } from '../rule';
import { buildkitDocUrl } from '../rule';
import { rangeOfWord } from './helpers';

function casingOf(word: string): 'upper' | 'lower' | 'mixed' {
  // ASCII words (all real keywords) by their letters, without building two case-converted copies.
  let hasLower = false;
  let hasUpper = false;
  for (let index = 0; index < word.length; index += 1) {
    const code = word.charCodeAt(index);
    if (code > 127) {
      return word === word.toUpperCase() ? 'upper' : word === word.toLowerCase() ? 'lower' : 'mixed';
    }
    hasLower ||= code >= 97 && code <= 122;
    hasUpper ||= code >= 65 && code <= 90;
  }
  return !hasLower ? 'upper' : !hasUpper ? 'lower' : 'mixed';
}

/** All instructions should share the casing most of them use (BuildKit's ConsistentInstructionCasing). */
export const consistentInstructionCasingRule: Rule = {
  code: 'ConsistentInstructionCasing',
  defaultSeverity: 'warning',
  buildkit: true,
  fileScoped: true,
  docUrl: buildkitDocUrl('ConsistentInstructionCasing'),
  check: (model): Finding[] => {
    // One pass counts; only the instructions off the majority get a second look.
    const casings = model.instructions.map((instruction) => casingOf(instruction.getInstruction()));
    let upper = 0;
    let lower = 0;
    for (const casing of casings) {
      upper += casing === 'upper' ? 1 : 0;
      lower += casing === 'lower' ? 1 : 0;
    }
    const majority = lower > upper ? 'lower' : 'upper';
    return model.instructions
      .filter((_, index) => casings[index] !== majority)
      .map((instruction): Finding => {
        const word = instruction.getInstruction();
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
