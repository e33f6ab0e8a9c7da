/** Flag names (`--from`, `--mount` …) and flag values (`--network=host`, `--from=<stage>` …). */
import { CompletionItemKind, type CompletionItem } from 'vscode-languageserver';
import type { DocLocale } from '../../docs';
import type { DockerfileModel } from '../../semantics/model';
import type { ArgumentsContext } from './context';
import { makeItem, rangeBefore } from './items';
import { mountItems } from './mountItems';
import { stageNameItems } from './stageItems';
import { instructionFlags } from '../../docs/keys';

/** Flags of the instruction not yet used (repeatable ones always), replacing the `-…` being typed. */
export function flagNameItems(context: ArgumentsContext, locale: DocLocale): CompletionItem[] {
  const specs = (instructionFlags[context.keyword] ?? []).filter((spec) => !spec.labs);
  const used = new Set(context.previousTokens.map((token) => /^--([^=]*)/.exec(token)?.[1]));
  const range = rangeBefore(context.position, context.current.length);
  return specs
    .filter((spec) => spec.repeatable === true || !used.has(spec.name))
    .map((spec) =>
      makeItem(
        `--${spec.name}`,
        {
          kind: CompletionItemKind.Property,
          range,
          newText: spec.kind === 'boolean' ? `--${spec.name}` : `--${spec.name}=`,
          docKey: `${context.keyword} --${spec.name}`,
          retrigger: spec.kind === 'value',
          sortText: `0${spec.name}`,
        },
        locale,
      ),
    );
}

/** Values of the flag being typed as `--name=value`. */
export function flagValueItems(model: DockerfileModel, context: ArgumentsContext, locale: DocLocale): CompletionItem[] {
  const match = /^--([^=]+)=(.*)$/.exec(context.current);
  if (!match) {
    return [];
  }
  const name = match[1] ?? '';
  const value = match[2] ?? '';
  if (context.keyword === 'RUN' && name === 'mount') {
    return mountItems(model, context, value, locale);
  }
  if (context.keyword === 'COPY' && name === 'from') {
    return stageNameItems(model, context.position.line, value, context, locale);
  }
  const spec = (instructionFlags[context.keyword] ?? []).find((flag) => flag.name === name);
  const range = rangeBefore(context.position, value.length);
  return (spec?.values ?? []).map((option) =>
    makeItem(option, { kind: CompletionItemKind.Value, range, docKey: `${context.keyword} --${name}` }, locale),
  );
}
