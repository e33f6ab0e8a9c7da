import type { InlayHint, Position, Range } from 'vscode-languageserver';
import type { DocLocale } from '../../docs';
import type { ParsedDocument } from '../../documentStore';
import { describeStageCommand } from '../../semantics/describeCommand';
import { formatArgv } from '../../semantics/display';
import type { StageCommand } from '../../semantics/effectiveCommand';
import type { ImageConfigLookup } from '../../semantics/imageConfig';
import { analyzeDockerfile } from '../../semantics/model';

/** The label's lead, separator included: Chinese takes the full-width colon and no space after it. */
const label: Readonly<Record<DocLocale, string>> = { en: 'runs: ', 'zh-cn': '执行：' };
/** After the argv when a POSIX shell-form ENTRYPOINT is given CMD words its command never reads. */
const cmdUnused: Readonly<Record<DocLocale, string>> = { en: '(CMD unused)', 'zh-cn': '（CMD 未被使用）' };

/**
 * `runs: <argv>` after the CMD or ENTRYPOINT that decides what the final image runs, or after the
 * final stage's FROM when it sets neither and inherits its command; nothing when the argv is unknown
 * (an external base image nobody described) or empty. The tooltip explains where each part comes from. Pure.
 */
export function provideInlayHints(parsed: ParsedDocument, range: Range, locale: DocLocale, lookup?: ImageConfigLookup): InlayHint[] {
  const model = analyzeDockerfile(parsed, lookup);
  const command = model.commands.at(-1);
  if (!command || !Array.isArray(command.argv)) {
    return [];
  }
  const position = hintPosition(command);
  if (position.line < range.start.line || position.line > range.end.line) {
    return [];
  }
  const argv: readonly string[] = command.argv;
  const unused = unusedCmdWords(command) ? ` ${cmdUnused[locale]}` : '';
  return [
    {
      position,
      label: `${label[locale]}${formatArgv(argv)}${unused}`,
      paddingLeft: true,
      tooltip: { kind: 'markdown', value: describeStageCommand(model, command, locale) },
    },
  ];
}

/** The end of the last CMD/ENTRYPOINT of the stage, or of its FROM when both are inherited. */
function hintPosition(command: StageCommand): Position {
  const own = [command.stage.cmds.at(-1), command.stage.entrypoints.at(-1)].filter((entry) => entry !== undefined);
  const decisive = own.sort((a, b) => b.instruction.getRange().start.line - a.instruction.getRange().start.line)[0];
  return (decisive?.instruction ?? command.stage.from).getRange().end;
}

function unusedCmdWords(command: StageCommand): boolean {
  const shellEntrypoint = command.shellEntrypoint;
  return shellEntrypoint !== undefined && shellEntrypoint.posix && !shellEntrypoint.readsParameters && Array.isArray(command.cmd.value);
}
