import type { Instruction } from 'dockerfile-ast';
import type { Heredoc } from '../syntax/heredocReader';
import { lastIndexStartingAtOrBefore } from '../util/sortedByLine';

/** What the here-document answers are read from: the document's here-documents in order (the model). */
export interface HeredocSource {
  readonly heredocs: readonly Heredoc[];
}

/**
 * Lines that belong to heredoc bodies or their closing lines (`RUN <<EOF … EOF`). The syntax tree
 * can mistake such lines for instructions; they are not.
 */
export function heredocBodyLines(heredocs: readonly Heredoc[]): Set<number> {
  const body = new Set<number>();
  for (const heredoc of heredocs) {
    const span = spanOf(heredoc);
    for (let line = span?.first ?? 0; span && line <= span.last; line += 1) {
      body.add(line);
    }
  }
  return body;
}

/** The instructions that really are instructions (not heredoc body lines). */
export function realInstructions(instructions: readonly Instruction[], bodyLines: ReadonlySet<number>): Instruction[] {
  return bodyLines.size === 0 ? instructions.slice() : instructions.filter((instruction) => !bodyLines.has(instruction.getRange().start.line));
}

/**
 * The here-documents an instruction opens: those whose opener lies on its lines (RUN, COPY and ADD
 * carry them; ONBUILD through its trigger).
 */
export function heredocsOf(source: HeredocSource, instruction: Instruction): readonly Heredoc[] {
  const { start, end } = instruction.getRange();
  const openerLine = (heredoc: Heredoc): number => heredoc.startRange.start.line;
  let index = lastIndexStartingAtOrBefore(source.heredocs, end.line, openerLine);
  const found: Heredoc[] = [];
  for (; index >= 0; index -= 1) {
    const heredoc = source.heredocs[index] as Heredoc;
    if (openerLine(heredoc) < start.line) {
      break;
    }
    found.push(heredoc);
  }
  return found.reverse();
}

/** The lines of one here-document body (closing delimiter included). */
export interface HeredocSpan {
  readonly first: number;
  readonly last: number;
  /**
   * Whether `$NAME` in the body refers to build variables: always for RUN (the shell reads them from
   * its environment), and for COPY/ADD only with an unquoted delimiter (BuildKit expands it then).
   */
  readonly expandsVariables: boolean;
}

/** Lines that belong to an instruction's here-document bodies or their closing delimiters (never to be edited or completed). */
export function heredocSpansOf(source: HeredocSource, instruction: Instruction): HeredocSpan[] {
  return heredocsOf(source, instruction).flatMap((heredoc) => {
    const span = spanOf(heredoc);
    return span ? [{ ...span, expandsVariables: heredoc.command === 'RUN' || !heredoc.quoted }] : [];
  });
}

/** A here-document's body and closing lines; undefined when it has neither (an opener on the last line). */
function spanOf(heredoc: Heredoc): { first: number; last: number } | undefined {
  const first = heredoc.contentRange?.start.line ?? heredoc.delimiterRange?.start.line;
  const last = heredoc.delimiterRange?.end.line ?? heredoc.contentRange?.end.line;
  return first === undefined || last === undefined ? undefined : { first, last };
}
