/** Stage names offered after `COPY --from=`, `--mount=…,from=` and `FROM`. */
import { CompletionItemKind, type CompletionItem } from 'vscode-languageserver';
import type { DocLocale } from '../../docs';
import { stageAtLine, type DockerfileModel } from '../../syntax/model';
import type { ArgumentsContext } from './context';
import { makeItem, rangeBefore } from './items';

/** Names (or indexes, for unnamed stages) of the stages before the one holding `line`. */
export function stageNameItems(model: DockerfileModel, line: number, typed: string, context: ArgumentsContext, locale: DocLocale): CompletionItem[] {
  const currentIndex = stageAtLine(model, line)?.index ?? model.stages.length;
  const range = rangeBefore(context.position, typed.length);
  return model.stages
    .filter((stage) => stage.index < currentIndex)
    .map((stage) => {
      const label = stage.name ?? String(stage.index);
      const detail = `FROM ${stage.from.getImage() ?? ''}`.trim();
      return makeItem(label, { kind: CompletionItemKind.Reference, range, detail, sortText: `0${String(stage.index).padStart(6, '0')}` }, locale);
    });
}
