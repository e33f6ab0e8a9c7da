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

/** Hover on an instruction keyword: its documentation, plus the effective command for CMD/ENTRYPOINT/SHELL. */
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
  const parts = [renderDocMarkdown(entry, locale)];
  if (commandKeywords.has(keyword)) {
    const effective = explainEffectiveCommand(parsed, position, locale);
    if (effective) {
      parts.push('---', effective);
    }
  }
  return markdownHover(parts.join('\n\n'), range);
}
