/** Instruction keywords, filtered by where they are valid. */
import { CompletionItemKind, type CompletionItem } from 'vscode-languageserver';
import type { DocLocale } from '../../docs';
import type { KeywordContext } from './context';
import { makeItem } from './items';
import { instructionFlags, instructionKeywords } from '../../docs/keys';
import { deprecatedKeywords, forbiddenOnbuildTriggers, execFormSnippets } from './tables';

/** Keywords that have something to complete right after them, so the list re-opens. */
const followedBySuggestions = new Set([...Object.keys(instructionFlags), ...Object.keys(execFormSnippets), 'STOPSIGNAL', 'ONBUILD', 'ARG']);

/** Keywords valid at a keyword position: ARG and FROM before the first FROM, no ONBUILD/FROM/MAINTAINER as a trigger. */
export function keywordItems(context: KeywordContext, locale: DocLocale): CompletionItem[] {
  let keywords: readonly string[] = instructionKeywords;
  if (context.onbuildTrigger) {
    keywords = keywords.filter((keyword) => !forbiddenOnbuildTriggers.has(keyword));
  } else if (context.beforeFirstFrom) {
    keywords = ['ARG', 'FROM'];
  }
  return keywords.map((keyword) =>
    makeItem(
      keyword,
      {
        kind: CompletionItemKind.Keyword,
        range: context.range,
        newText: context.hasArguments ? keyword : `${keyword} `,
        docKey: keyword,
        retrigger: !context.hasArguments && followedBySuggestions.has(keyword),
        deprecated: deprecatedKeywords.has(keyword),
      },
      locale,
    ),
  );
}
