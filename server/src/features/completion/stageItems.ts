/** Stage names offered after `COPY --from=`, `--mount=…,from=` and `FROM`. */
import { CompletionItemKind, type CompletionItem } from 'vscode-languageserver';
import type { DocLocale } from '../../docs';
import { lineText } from '../../syntax/lines';
import { stageAtLine, type DockerfileModel } from '../../semantics/model';
import type { ArgumentsContext } from './context';
import { makeItem, rangeBefore } from './items';
import { maxCompletionItems, startsWithTyped } from './limit';

/** Names (or indexes, for unnamed stages) of the stages before the one holding `line`. */
export function stageNameItems(model: DockerfileModel, line: number, typed: string, context: ArgumentsContext, locale: DocLocale): CompletionItem[] {
  const currentIndex = stageAtLine(model, line)?.index ?? model.stages.length;
  const range = rangeBefore(context.position, typed.length);
  const earlier = model.stages.slice(0, currentIndex);
  let candidates = earlier;
  if (earlier.length > maxCompletionItems) {
    candidates = earlier.filter((stage) => startsWithTyped(stage.writtenName ?? String(stage.index), typed));
    context.budget.truncated = true;
  }
  const stageItems = candidates.map((stage) => {
    const label = stage.writtenName ?? String(stage.index);
    // The FROM line as written: cheaper than asking the parser for the image of every stage.
    const detail = lineText(model.document, stage.range.start.line).trim().slice(0, 80);
    return makeItem(label, { kind: CompletionItemKind.Reference, range, detail, sortText: `0${String(stage.index).padStart(6, '0')}` }, locale);
  });
  return [...stageItems, ...localImageItems(context, typed, locale)];
}

const localImageDetail: Readonly<Record<DocLocale, string>> = { en: 'local image', 'zh-cn': '本地镜像' };

/** Tags of the local engine's images, sorted after every stage name (a stage name always wins). */
function localImageItems(context: ArgumentsContext, typed: string, locale: DocLocale): CompletionItem[] {
  const images = (context.localImages ?? []).filter((image) => startsWithTyped(image, typed));
  const range = rangeBefore(context.position, typed.length);
  return images
    .slice(0, maxCompletionItems)
    .map((image) => makeItem(image, { kind: CompletionItemKind.Module, range, detail: localImageDetail[locale], sortText: `1${image}` }, locale));
}
