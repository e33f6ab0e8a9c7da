/** Context-aware Dockerfile completion: dispatches on what the cursor is in. */
import type { CompletionItem, CompletionList, Position } from 'vscode-languageserver';
import type { DocLocale } from '../../docs';
import type { ParsedDocument } from '../../documentStore';
import { getModel } from '../../semantics/model';
import { argumentItems } from './argumentItems';
import { computeCompletionContext } from './context';
import { directiveItems, directiveLineItems } from './directiveItems';
import { keywordItems } from './keywordItems';
import { limitCompletionItems } from './limit';
import { templateItems } from './templateItems';

/**
 * The completion list for `position`: empty inside comments and here-document bodies; marked
 * incomplete when a huge candidate list was cut down, so the editor asks again as the user types.
 */
export function provideCompletion(parsed: ParsedDocument, position: Position, locale: DocLocale, localImages: readonly string[] = []): CompletionList {
  const model = getModel(parsed);
  const computed = computeCompletionContext(model, position);
  const context = computed.kind === 'arguments' ? { ...computed, localImages } : computed;
  switch (context.kind) {
    case 'keyword': {
      const items = [...keywordItems(context, locale), ...templateItems(context, locale)];
      return complete(context.directiveAllowed ? [...items, ...directiveLineItems(context, locale)] : items);
    }
    case 'directive':
      return complete(directiveItems(context, locale));
    case 'arguments': {
      const items = argumentItems(model, context, locale);
      return limitCompletionItems({ isIncomplete: context.budget.truncated, items }, parsed.document, position);
    }
    default:
      return complete([]);
  }
}

function complete(items: CompletionItem[]): CompletionList {
  return { isIncomplete: false, items };
}
