import type { Instruction } from 'dockerfile-ast';
import type { Hover, Position } from 'vscode-languageserver';
import type { ParsedDocument } from '../../documentStore';
import { lookupDoc, type DocLocale } from '../../docs';
import { renderDocMarkdown } from '../../docs/render';
import { effectiveCommandHover } from '../../semantics/effectiveCommandHover';
import { contains } from '../../util/ranges';
import { markdownHover } from './markdown';

/** Instructions whose hover also explains what the container will actually run. */
const commandKeywords: ReadonlySet<string> = new Set(['CMD', 'ENTRYPOINT', 'SHELL']);

/** Explains what the container runs for the CMD/ENTRYPOINT/SHELL at a position (Markdown), or null. */
export type EffectiveCommandExplainer = (parsed: ParsedDocument, position: Position, locale: DocLocale) => string | null;

/**
 * Hover on an instruction keyword: its documentation. For CMD/ENTRYPOINT/SHELL what `docker run`
 * executes comes first, above the documentation: that is what a user hovers these for, and the
 * generic text below it is about 25 lines long.
 */
export function keywordHover(
  parsed: ParsedDocument,
  instruction: Instruction,
  position: Position,
  locale: DocLocale,
  explainEffectiveCommand: EffectiveCommandExplainer = effectiveCommandHover,
): Hover | null {
  const range = instruction.getInstructionRange();
  if (!contains(range, position)) {
    return null;
  }
  const keyword = instruction.getKeyword();
  const entry = lookupDoc(locale, keyword);
  if (!entry) {
    return null;
  }
  const documentation = renderDocMarkdown(entry, locale);
  const effective = commandKeywords.has(keyword) ? explainEffectiveCommand(parsed, position, locale) : null;
  return markdownHover(effective ? [effective, '---', documentation].join('\n\n') : documentation, range);
}
