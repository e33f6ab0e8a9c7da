/** Context-aware Dockerfile completion: dispatches on what the cursor is in. */
import type { CompletionItem, Position } from 'vscode-languageserver';
import type { DocLocale } from '../../docs';
import type { ParsedDocument } from '../../documentStore';
import { getModel } from '../../syntax/model';
import { argumentItems } from './argumentItems';
import { computeCompletionContext } from './context';
import { directiveItems, directiveLineItems } from './directiveItems';
import { keywordItems } from './keywordItems';

/** Completion items for `position`; empty inside comments and here-document bodies. */
export function provideCompletion(parsed: ParsedDocument, position: Position, locale: DocLocale): CompletionItem[] {
  const model = getModel(parsed);
  const context = computeCompletionContext(model, position);
  switch (context.kind) {
    case 'keyword':
      return context.directiveAllowed ? [...keywordItems(context, locale), ...directiveLineItems(context, locale)] : keywordItems(context, locale);
    case 'directive':
      return directiveItems(context, locale);
    case 'arguments':
      return argumentItems(model, context, locale);
    default:
      return [];
  }
}
