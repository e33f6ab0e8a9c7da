import type { Hover, Range } from 'vscode-languageserver';
import type { ParsedDocument } from '../../documentStore';
import type { DocLocale } from '../../docs';
import { displayLine, markdownHover, quoteInstruction } from './markdown';
import { hoverMessages } from './messages';
import { findStageReference, type DockerfileModel } from '../../semantics/model';
import type { Stage } from '../../semantics/stages';

/** Markdown naming a stage and quoting its FROM line. */
export function describeStage(parsed: ParsedDocument, stage: Stage, locale: DocLocale): string {
  const label = `\`${stage.writtenName ?? String(stage.index)}\``;
  return [`**${hoverMessages(locale).stage(label, stage.index, displayLine(stage.from))}**`, quoteInstruction(parsed, stage.from)].join('\n\n');
}

/**
 * Hover for a stage reference (`COPY --from=x`, `RUN --mount=from=x`): the stage's FROM line, or,
 * when no earlier stage has that name or index, a note that it is taken as an image.
 */
export function stageReferenceHover(
  parsed: ParsedDocument,
  model: DockerfileModel,
  reference: string,
  range: Range,
  locale: DocLocale,
): Hover | null {
  if (reference === '') {
    return null;
  }
  const stage = findStageReference(model, reference, range.start.line);
  const value = stage ? describeStage(parsed, stage, locale) : hoverMessages(locale).notAStage(reference);
  return markdownHover(value, range);
}
