/** Completion inside an instruction's arguments: variables, flags, flag values, then per-instruction values. */
import { CompletionItemKind, type CompletionItem } from 'vscode-languageserver';
import type { DocLocale } from '../../docs';
import { predefinedArgs } from '../../docs/predefinedArgs';
import type { DockerfileModel } from '../../semantics/model';
import { globalDeclarations } from '../../syntax/variableScope';
import type { ArgumentsContext } from './context';
import { flagNameItems, flagValueItems } from './flagItems';
import { makeItem, rangeBefore } from './items';
import { stageNameItems } from './stageItems';
import { instructionFlags } from '../../docs/keys';
import { execFormSnippets, stopSignals } from './tables';
import { predefinedArgItem, variableBeingTyped, variableItems } from './variableItems';

/** All items for an arguments position. */
export function argumentItems(model: DockerfileModel, context: ArgumentsContext, locale: DocLocale): CompletionItem[] {
  const variable = variableBeingTyped(context.current, model.escapeChar);
  if (variable && !isExecForm(context)) {
    return variableItems(model, context.position, variable, context.textAfter, context.budget, locale);
  }
  const inFlagRegion = instructionFlags[context.keyword] !== undefined && context.previousTokens.every((token) => token.startsWith('--'));
  if (inFlagRegion && context.current.startsWith('--') && context.current.includes('=')) {
    return flagValueItems(model, context, locale);
  }
  if (inFlagRegion && context.current.startsWith('-')) {
    return flagNameItems(context, locale);
  }
  const items = inFlagRegion && context.current === '' ? flagNameItems(context, locale) : [];
  const positionalIndex = context.previousTokens.filter((token) => !token.startsWith('--')).length;
  items.push(...positionalItems(model, context, positionalIndex, locale));
  return items;
}

/** Instructions whose JSON (exec) form runs without a shell, so `$NAME` stays literal there. */
const execFormKeywords = new Set(['RUN', 'CMD', 'ENTRYPOINT', 'SHELL']);

function isExecForm(context: ArgumentsContext): boolean {
  if (!execFormKeywords.has(context.keyword)) {
    return false;
  }
  const first = [...context.previousTokens.filter((token) => !token.startsWith('--')), context.current][0] ?? '';
  return first.startsWith('[');
}

function positionalItems(model: DockerfileModel, context: ArgumentsContext, index: number, locale: DocLocale): CompletionItem[] {
  const range = rangeBefore(context.position, context.current.length);
  const value = (label: string, docKey?: string, kind: CompletionItemKind = CompletionItemKind.Value): CompletionItem =>
    makeItem(label, { kind, range, ...(docKey ? { docKey } : {}) }, locale);
  switch (context.keyword) {
    case 'FROM':
      if (index === 0) {
        return stageNameItems(model, context.position.line, context.current, context, locale);
      }
      return index === 1 ? [value('AS', 'FROM', CompletionItemKind.Keyword)] : [];
    case 'HEALTHCHECK': {
      if (index > 0) {
        return [];
      }
      const hasOptions = context.previousTokens.length > 0;
      return (hasOptions ? ['CMD'] : ['CMD', 'NONE']).map((word) => value(word, word === 'NONE' ? 'HEALTHCHECK NONE' : 'HEALTHCHECK', CompletionItemKind.Keyword));
    }
    case 'STOPSIGNAL':
      return index === 0 ? stopSignals.map((signal) => value(signal, 'STOPSIGNAL', CompletionItemKind.EnumMember)) : [];
    case 'CMD':
    case 'ENTRYPOINT':
    case 'SHELL':
      return index === 0 && (context.current === '' || context.current.startsWith('[')) ? execSnippetItems(context, locale) : [];
    case 'EXPOSE':
      return exposeProtocolItems(context, locale);
    case 'ARG':
      return index === 0 && !context.current.includes('=') ? argNameItems(model, context, locale) : [];
    default:
      return [];
  }
}

function execSnippetItems(context: ArgumentsContext, locale: DocLocale): CompletionItem[] {
  const range = rangeBefore(context.position, context.current.length);
  return (execFormSnippets[context.keyword] ?? []).map((snippet, order) =>
    makeItem(snippet.label, { kind: CompletionItemKind.Snippet, range, newText: snippet.snippet, snippet: true, docKey: context.keyword, filterText: `[${snippet.label}`, sortText: String(order) }, locale),
  );
}

/** `EXPOSE 80` → `80/tcp`, `80/udp`. */
function exposeProtocolItems(context: ArgumentsContext, locale: DocLocale): CompletionItem[] {
  const port = /^(\d+(?:-\d+)?)(\/[a-z]*)?$/i.exec(context.current);
  if (!port) {
    return [];
  }
  const range = rangeBefore(context.position, context.current.length);
  return ['tcp', 'udp'].map((protocol) => makeItem(`${port[1] ?? ''}/${protocol}`, { kind: CompletionItemKind.Value, range, docKey: 'EXPOSE' }, locale));
}

/** Names worth declaring with ARG: the global ARGs (to bring them into the stage) and the predefined ones. */
function argNameItems(model: DockerfileModel, context: ArgumentsContext, locale: DocLocale): CompletionItem[] {
  const range = rangeBefore(context.position, context.current.length);
  const items = new Map<string, CompletionItem>();
  for (const declaration of globalDeclarations(model, context.position.line)) {
    const detail = `global ARG${declaration.value === undefined ? '' : ` (default ${declaration.value})`}`;
    items.set(declaration.name, makeItem(declaration.name, { kind: CompletionItemKind.Variable, range, detail, sortText: `0${declaration.name}` }, locale));
  }
  for (const name of Object.keys(predefinedArgs)) {
    if (!items.has(name)) {
      items.set(name, predefinedArgItem(name, { range, newText: name, sortText: `1${name}` }, locale));
    }
  }
  return [...items.values()];
}
