/** Parser directives at the top of the file: `# syntax=`, `# escape=`, `# check=skip=…;error=…`. */
import { CompletionItemKind, type CompletionItem } from 'vscode-languageserver';
import type { DocLocale } from '../../docs';
import type { DirectiveContext, KeywordContext } from './context';
import { makeItem, rangeBefore } from './items';
import { buildCheckRules, parserDirectives } from './tables';

/** Directive names after `#`, or their values after `=`. */
export function directiveItems(context: DirectiveContext, locale: DocLocale): CompletionItem[] {
  const { textBefore, position } = context;
  const name = /^\s*#\s*([A-Za-z]*)$/.exec(textBefore);
  if (name) {
    const typed = name[1] ?? '';
    return Object.keys(parserDirectives).map((directive) =>
      makeItem(directive, { kind: CompletionItemKind.Property, range: rangeBefore(position, typed.length), newText: `${directive}=`, docKey: `# ${directive}`, retrigger: true }, locale),
    );
  }
  const assignment = /^\s*#\s*([A-Za-z]+)\s*=\s*(.*)$/.exec(textBefore);
  if (!assignment) {
    return [];
  }
  const directive = (assignment[1] ?? '').toLowerCase();
  const value = assignment[2] ?? '';
  if (directive === 'check') {
    return checkValueItems(value, context, locale);
  }
  const values = parserDirectives[directive] ?? [];
  return values.map((option) => makeItem(option, { kind: CompletionItemKind.Value, range: rangeBefore(position, value.length), docKey: `# ${directive}` }, locale));
}

/** `check=` takes `skip=<rules>` and `error=<bool>`, separated by `;`; rules are separated by `,`. */
function checkValueItems(value: string, context: DirectiveContext, locale: DocLocale): CompletionItem[] {
  const part = value.split(';').pop() ?? '';
  const key = /^\s*(skip|error)\s*=(.*)$/.exec(part);
  if (!key) {
    const typed = part.trimStart();
    return ['skip=', 'error=']
      .filter((option) => !value.includes(option))
      .map((option) => makeItem(option, { kind: CompletionItemKind.Property, range: rangeBefore(context.position, typed.length), docKey: '# check', retrigger: true }, locale));
  }
  const rest = key[2] ?? '';
  if (key[1] === 'error') {
    return ['true', 'false'].map((option) => makeItem(option, { kind: CompletionItemKind.Value, range: rangeBefore(context.position, rest.length) }, locale));
  }
  const rules = rest.split(',');
  const typed = rules.pop() ?? '';
  const chosen = new Set(rules.map((rule) => rule.trim()));
  return buildCheckRules
    .filter((rule) => !chosen.has(rule))
    .map((rule) => makeItem(rule, { kind: CompletionItemKind.EnumMember, range: rangeBefore(context.position, typed.length) }, locale));
}

/** Whole `# name=` lines offered on an empty line at the top of the file. */
export function directiveLineItems(context: KeywordContext, locale: DocLocale): CompletionItem[] {
  return Object.keys(parserDirectives).map((directive) =>
    makeItem(`# ${directive}=`, { kind: CompletionItemKind.Property, range: context.range, docKey: `# ${directive}`, retrigger: true, sortText: `~${directive}` }, locale),
  );
}
