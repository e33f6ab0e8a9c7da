/** Template completions at a keyword position: only those valid there (before the first FROM: a new stage only). */
import { CompletionItemKind, type CompletionItem } from 'vscode-languageserver';
import type { DocLocale } from '../../docs';
import type { KeywordContext } from './context';
import { makeItem } from './items';
import { dockerfileTemplates } from './templates';

/** The templates that may start at this keyword position; none as an ONBUILD trigger or with text after the cursor's word. */
export function templateItems(context: KeywordContext, locale: DocLocale): CompletionItem[] {
  if (context.onbuildTrigger || context.hasArguments) {
    return [];
  }
  return dockerfileTemplates
    .filter((template) => template.startsStage === true || !context.beforeFirstFrom)
    .map((template) =>
      makeItem(
        template.prefixes[0] ?? '',
        {
          kind: CompletionItemKind.Snippet,
          range: context.range,
          newText: template.body.join('\n'),
          snippet: true,
          detail: template.description[locale],
          filterText: template.prefixes.join(' '),
          // After the keywords: a template is the longer answer to the same letters.
          sortText: `~${template.prefixes[0] ?? ''}`,
        },
        locale,
      ),
    );
}
