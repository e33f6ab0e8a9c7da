import type { Hover, Position } from 'vscode-languageserver';
import type { ParsedDocument } from '../../documentStore';
import { lookupDoc, type DocLocale } from '../../docs';
import { renderDocMarkdown } from '../../docs/render';
import { contains } from '../../util/ranges';

/** Context shared by all hover providers. */
export interface HoverContext {
  readonly locale: DocLocale;
}

/** Hover for the instruction keyword under the cursor: its documentation entry. */
export function provideHover(parsed: ParsedDocument, position: Position, context: HoverContext): Hover | null {
  for (const instruction of parsed.dockerfile.getInstructions()) {
    const keywordRange = instruction.getInstructionRange();
    if (!contains(keywordRange, position)) {
      continue;
    }
    const entry = lookupDoc(context.locale, instruction.getKeyword());
    if (!entry) {
      return null;
    }
    return {
      contents: { kind: 'markdown', value: renderDocMarkdown(entry, context.locale) },
      range: keywordRange,
    };
  }
  return null;
}
