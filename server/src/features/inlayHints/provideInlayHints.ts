import type { InlayHint, Range } from 'vscode-languageserver';
import type { DocLocale } from '../../docs';
import type { ParsedDocument } from '../../documentStore';
import { formatArgv } from '../../semantics/display';
import type { ImageConfigLookup } from '../../semantics/imageConfig';
import { analyzeDockerfile } from '../../semantics/model';

const label: Readonly<Record<DocLocale, string>> = { en: 'runs:', 'zh-cn': '执行:' };

/**
 * `runs: <argv>` after the CMD or ENTRYPOINT that decides what the final image runs, when that argv
 * is known (nothing is shown for an unknown base image). Pure.
 */
export function provideInlayHints(parsed: ParsedDocument, range: Range, locale: DocLocale, lookup?: ImageConfigLookup): InlayHint[] {
  const model = analyzeDockerfile(parsed, lookup);
  const command = model.commands.at(-1);
  if (!command || !Array.isArray(command.argv)) {
    return [];
  }
  const candidates = [command.stage.cmds.at(-1), command.stage.entrypoints.at(-1)].filter((entry) => entry !== undefined);
  const decisive = candidates.sort((a, b) => b.instruction.getRange().start.line - a.instruction.getRange().start.line)[0];
  if (!decisive) {
    return [];
  }
  const end = decisive.instruction.getRange().end;
  if (end.line < range.start.line || end.line > range.end.line) {
    return [];
  }
  return [{ position: end, label: `${label[locale]} ${formatArgv(command.argv)}`, paddingLeft: true }];
}
