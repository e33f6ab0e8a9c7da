import type { Position } from 'vscode-languageserver';
import type { DocLocale } from '../docs';
import type { ParsedDocument } from '../documentStore';
import { describeStageCommand } from './describeCommand';
import type { ImageConfigLookup } from './imageConfig';
import { analyzeDockerfile } from './model';

const explainedKeywords = new Set(['CMD', 'ENTRYPOINT', 'SHELL']);

/**
 * Markdown describing what `docker run` executes for the stage that holds the CMD/ENTRYPOINT/SHELL
 * instruction at `position`, or null when the position is elsewhere. Hover shows it above the
 * instruction's documentation.
 */
export function effectiveCommandHover(parsed: ParsedDocument, position: Position, locale: DocLocale, lookup?: ImageConfigLookup): string | null {
  const model = analyzeDockerfile(parsed, lookup);
  const instruction = model.instructions.find((candidate) => {
    const range = candidate.getRange();
    return range.start.line <= position.line && position.line <= range.end.line;
  });
  if (!instruction || !explainedKeywords.has(instruction.getKeyword())) {
    return null;
  }
  const line = instruction.getRange().start.line;
  const command = model.commands.find((candidate) => candidate.stage.range.start.line <= line && line <= candidate.stage.range.end.line);
  if (!command) {
    return null;
  }
  const same = instruction.getKeyword() === 'CMD' ? command.stage.cmds : instruction.getKeyword() === 'ENTRYPOINT' ? command.stage.entrypoints : [];
  const last = same.at(-1)?.instruction;
  const overridden = last && last !== instruction ? `${overriddenNote[locale]} ${last.getRange().start.line + 1}${overriddenSuffix[locale]}\n\n` : '';
  return overridden + describeStageCommand(model, command, locale);
}

const overriddenNote: Readonly<Record<DocLocale, string>> = {
  en: '_This instruction has no effect: it is overridden by the one on line',
  'zh-cn': '_这条指令不起作用：它被覆盖，生效的是第',
};
const overriddenSuffix: Readonly<Record<DocLocale, string>> = { en: '._', 'zh-cn': ' 行的那条。_' };
