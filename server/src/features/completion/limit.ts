/**
 * Keeps completion responses small in huge files (thousands of stages or variables): past a limit the
 * list is filtered by what is already typed and marked incomplete, so the editor asks again as the
 * user types instead of receiving every name at once.
 */
import type { CompletionItem, CompletionList, Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';

/** Most items sent in one response. */
export const maxCompletionItems = 500;

/** The items as a list; filtered by the typed prefix and cut to `limit` when longer than that. */
export function limitCompletionItems(items: CompletionItem[], document: TextDocument, position: Position, limit = maxCompletionItems): CompletionList {
  if (items.length <= limit) {
    return { isIncomplete: false, items };
  }
  const kept = items.filter((item) => typedPrefixMatches(item, document, position)).slice(0, limit);
  return { isIncomplete: true, items: kept };
}

function typedPrefixMatches(item: CompletionItem, document: TextDocument, position: Position): boolean {
  const edit = item.textEdit;
  if (!edit || !('range' in edit) || edit.range.start.line !== position.line) {
    return true;
  }
  const typed = document.getText({ start: edit.range.start, end: position }).toLowerCase();
  return (item.filterText ?? item.label).toLowerCase().startsWith(typed);
}
