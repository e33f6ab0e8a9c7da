import type { Hover, Position } from 'vscode-languageserver';
import type { ParsedDocument } from '../../documentStore';
import { lookupDoc, type DocLocale } from '../../docs';
import { directiveKey, parserDirectives } from '../../docs/keys';
import { renderDocMarkdown } from '../../docs/render';
import { contains } from '../../util/ranges';
import { markdownHover } from './markdown';

const known: ReadonlySet<string> = new Set(parserDirectives);

/** Hover on a parser directive line at the top of the file (`# syntax=…`, `# escape=…`, `# check=…`). */
export function directiveHover(parsed: ParsedDocument, position: Position, locale: DocLocale): Hover | null {
  for (const directive of parsed.dockerfile.getDirectives()) {
    const range = directive.getRange();
    if (!contains(range, position)) {
      continue;
    }
    const name = directive.getName().toLowerCase();
    const entry = known.has(name) ? lookupDoc(locale, directiveKey(name)) : undefined;
    return entry ? markdownHover(renderDocMarkdown(entry, locale), range) : null;
  }
  return null;
}
