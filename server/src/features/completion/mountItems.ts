/** `RUN --mount=` options: `type=` first, then the keys valid for that type, then key values. */
import { CompletionItemKind, type CompletionItem } from 'vscode-languageserver';
import type { DocLocale } from '../../docs';
import type { DockerfileModel } from '../../semantics/model';
import type { ArgumentsContext } from './context';
import { stageNameItems } from './stageItems';
import { makeItem, rangeBefore } from './items';
import { mountKeyAliases, mountKeys, mountKeyValues } from './tables';

/** Items for the option being typed in a `--mount=` value (comma-separated `key=value` pairs). */
export function mountItems(model: DockerfileModel, context: ArgumentsContext, value: string, locale: DocLocale): CompletionItem[] {
  const segments = value.split(',');
  const typing = segments.pop() ?? '';
  const written = new Map<string, string>();
  for (const segment of segments) {
    const [key = '', ...rest] = segment.split('=');
    written.set(key.trim().toLowerCase(), rest.join('='));
  }
  const type = written.get('type') ?? 'bind';
  const equals = typing.indexOf('=');
  if (equals >= 0) {
    const key = typing.slice(0, equals).toLowerCase();
    const typed = typing.slice(equals + 1);
    if (key === 'from') {
      return stageNameItems(model, context.position.line, typed, context, locale);
    }
    const range = rangeBefore(context.position, typed.length);
    return (mountKeyValues[key] ?? []).map((option) =>
      makeItem(option, { kind: CompletionItemKind.Value, range, docKey: key === 'type' ? `RUN --mount type=${option}` : 'RUN --mount' }, locale),
    );
  }
  const range = rangeBefore(context.position, typing.length);
  const keys = written.has('type') ? [] : ['type'];
  keys.push(...(mountKeys[type] ?? mountKeys['bind'] ?? []).filter((key) => !isWritten(key, written)));
  return keys.map((key, order) =>
    makeItem(`${key}=`, {
      kind: CompletionItemKind.Property,
      range,
      filterText: key,
      docKey: key === 'type' ? 'RUN --mount' : `RUN --mount type=${type}`,
      retrigger: key === 'type' || key === 'from' || mountKeyValues[key] !== undefined,
      sortText: String(order).padStart(3, '0'),
    }, locale),
  );
}

function isWritten(key: string, written: ReadonlyMap<string, string>): boolean {
  return (mountKeyAliases[key] ?? [key]).some((alias) => written.has(alias));
}
