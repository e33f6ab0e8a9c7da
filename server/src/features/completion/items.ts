/** Small builders for completion items: a text edit over a range, documentation from the doc tables. */
import { CompletionItemKind, CompletionItemTag, InsertTextFormat, type CompletionItem, type Command, type Position, type Range } from 'vscode-languageserver';
import { lookupDoc, type DocLocale } from '../../docs';
import { renderDocMarkdown } from '../../docs/render';

/** Re-opens the suggestion list after inserting, e.g. after `--mount=`. */
export const retrigger: Command = { title: 'Suggest', command: 'editor.action.triggerSuggest' };

/** What every item builder needs to know. */
export interface ItemOptions {
  readonly kind: CompletionItemKind;
  readonly range: Range;
  readonly newText?: string;
  readonly detail?: string;
  readonly docKey?: string;
  readonly snippet?: boolean;
  readonly retrigger?: boolean;
  readonly deprecated?: boolean;
  readonly sortText?: string;
  readonly filterText?: string;
}

const rendered = new Map<string, string | undefined>();

/** The rendered documentation of a key, rendered once per locale (the tables never change at run time). */
function documentation(locale: DocLocale, key: string): string | undefined {
  const cacheKey = `${locale}\u0000${key}`;
  if (!rendered.has(cacheKey)) {
    const entry = lookupDoc(locale, key);
    rendered.set(cacheKey, entry ? renderDocMarkdown(entry, locale) : undefined);
  }
  return rendered.get(cacheKey);
}

/** Builds one item that replaces `range` with `newText` (the label by default). */
export function makeItem(label: string, options: ItemOptions, locale: DocLocale): CompletionItem {
  const item: CompletionItem = {
    label,
    kind: options.kind,
    textEdit: { range: options.range, newText: options.newText ?? label },
  };
  if (options.detail) {
    item.detail = options.detail;
  }
  if (options.docKey) {
    const markdown = documentation(locale, options.docKey);
    if (markdown !== undefined) {
      item.documentation = { kind: 'markdown', value: markdown };
    }
  }
  if (options.snippet) {
    item.insertTextFormat = InsertTextFormat.Snippet;
  }
  if (options.retrigger) {
    item.command = retrigger;
  }
  if (options.deprecated) {
    item.tags = [CompletionItemTag.Deprecated];
  }
  if (options.sortText) {
    item.sortText = options.sortText;
  }
  if (options.filterText) {
    item.filterText = options.filterText;
  }
  return item;
}

/** The range on the cursor's line covering the last `length` characters before the cursor. */
export function rangeBefore(position: Position, length: number): Range {
  return { start: { line: position.line, character: Math.max(0, position.character - length) }, end: position };
}
