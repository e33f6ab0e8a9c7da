/**
 * Keeps completion responses small in huge files (thousands of stages or variables): past a limit the
 * list is filtered by what is already typed and marked incomplete, so the editor asks again as the
 * user types instead of receiving every name at once.
 */
import type { CompletionItem, CompletionList, Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';

/** Most items sent in one response. */
export const maxCompletionItems = 500;

/** The list, filtered by the typed prefix and cut to `limit` (and marked incomplete) when longer than that. */
export function limitCompletionItems(list: CompletionList, document: TextDocument, position: Position, limit = maxCompletionItems): CompletionList {
  if (list.items.length <= limit) {
    return list;
  }
  const kept = list.items.filter((item) => typedPrefixMatches(item, document, position)).slice(0, limit);
  return { isIncomplete: true, items: kept };
}

function typedPrefixMatches(item: CompletionItem, document: TextDocument, position: Position): boolean {
  const edit = item.textEdit;
  if (!edit || !('range' in edit) || edit.range.start.line !== position.line) {
    return true;
  }
  return startsWithTyped(item.filterText ?? item.label, document.getText({ start: edit.range.start, end: position }));
}

/** Case-insensitive prefix test, used to thin out very long candidate lists before building items. */
export function startsWithTyped(candidate: string, typed: string): boolean {
  return candidate.toLowerCase().startsWith(typed.toLowerCase());
}
