/** `$NAME` / `${NAME}` completion from the ARG/ENV in scope and the predefined build arguments. */
import { CompletionItemKind, type CompletionItem, type Position, type Range } from 'vscode-languageserver';
import type { DocLocale } from '../../docs';
import { lookupPredefinedArg, predefinedArgNames } from '../../docs/predefinedArgs';
import type { DockerfileModel } from '../../semantics/model';
import { visibleDeclarations } from '../../syntax/variableScope';
import type { CompletionBudget } from './context';
import { makeItem, rangeBefore } from './items';
import { maxCompletionItems, startsWithTyped } from './limit';

/** The variable reference being typed at the end of `current`, if any: `$AB` or `${AB`. */
export function variableBeingTyped(current: string, escapeChar: string): { typed: string; braced: boolean } | undefined {
  const match = /\$(\{?)([A-Za-z0-9_]*)$/.exec(current);
  if (!match) {
    return undefined;
  }
  if (match.index > 0 && current[match.index - 1] === escapeChar) {
    return undefined;
  }
  return { typed: match[2] ?? '', braced: match[1] === '{' };
}

/** Items for the variables visible at `position`; declared ones first, with their value as detail. */
export function variableItems(
  model: DockerfileModel,
  position: Position,
  reference: { typed: string; braced: boolean },
  textAfter: string,
  budget: CompletionBudget,
  locale: DocLocale,
): CompletionItem[] {
  const range = rangeBefore(position, reference.typed.length);
  const closing = reference.braced && !textAfter.startsWith('}') ? '}' : '';
  const items = new Map<string, CompletionItem>();
  const visible = visibleDeclarations(model, position);
  let declarations = visible;
  if (visible.length > maxCompletionItems) {
    declarations = visible.filter((declaration) => startsWithTyped(declaration.name, reference.typed));
    budget.truncated = true;
  }
  for (const declaration of declarations) {
    const detail = `${declaration.kind} ${declaration.name}${declaration.value === undefined ? '' : `=${declaration.value}`}`;
    items.set(declaration.name, makeItem(declaration.name, { kind: CompletionItemKind.Variable, range, newText: declaration.name + closing, detail, sortText: `0${declaration.name}` }, locale));
  }
  for (const name of [...predefinedArgNames('platform'), ...predefinedArgNames('proxy')]) {
    if (!items.has(name)) {
      items.set(name, predefinedArgItem(name, { range, newText: name + closing, sortText: `1${name}` }, locale));
    }
  }
  return [...items.values()];
}

/** An item for a predefined build argument, documented from the shared doc data when it has an entry. */
export function predefinedArgItem(name: string, edit: { range: Range; newText: string; sortText?: string }, locale: DocLocale): CompletionItem {
  const item = makeItem(name, { kind: CompletionItemKind.Constant, detail: 'predefined build argument', ...edit }, locale);
  const description = lookupPredefinedArg(name)?.description[locale];
  if (description) {
    item.documentation = { kind: 'markdown', value: description };
  }
  return item;
}
