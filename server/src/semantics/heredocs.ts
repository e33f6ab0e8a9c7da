import { Add, Copy, Onbuild, Run, type Dockerfile, type Heredoc, type Instruction } from 'dockerfile-ast';
import type { TextDocument } from 'vscode-languageserver-textdocument';

const heredocStart = /(?:^|[^<\w])\d*<<(-?)\s*(["']?)([A-Za-z_][A-Za-z0-9_.-]*)\2/g;
const heredocKeywords = new Set(['RUN', 'COPY', 'ADD']);

/**
 * Lines that belong to heredoc bodies (`RUN <<EOF … EOF`, also `<<-X`, `0<<X`, several per line).
 * The syntax tree can mistake such lines for instructions; they are not.
 */
export function heredocBodyLines(lines: readonly string[], dockerfile: Dockerfile): Set<number> {
  const body = new Set<number>();
  const lineCount = lines.length;
  for (const instruction of dockerfile.getInstructions()) {
    const startLine = instruction.getRange().start.line;
    if (body.has(startLine) || !heredocKeywords.has(instruction.getKeyword())) {
      continue;
    }
    if (withoutHeredocHead(instruction, lines, startLine)) {
      continue;
    }
    // Heredoc markers may sit on any continuation line of the instruction's head.
    let headEnd = startLine;
    while (headEnd < lineCount - 1 && /[\\`]\s*$/.test(lines[headEnd] ?? '')) {
      headEnd += 1;
    }
    // Most heads hold no `<<`: look before joining their lines.
    if (!anyLineIncludes(lines, startLine, headEnd, '<<')) {
      continue;
    }
    const head = lines.slice(startLine, headEnd + 1).join('\n');
    const delimiters = [...head.matchAll(heredocStart)].map((match) => ({ strip: match[1] === '-', name: match[3] ?? '' }));
    let line = headEnd + 1;
    for (const delimiter of delimiters) {
      while (line < lineCount) {
        const text = lines[line] ?? '';
        body.add(line);
        line += 1;
        if ((delimiter.strip ? text.replace(/^\t+/, '') : text).trimEnd() === delimiter.name) {
          break;
        }
      }
    }
  }
  return body;
}

/**
 * Whether the instruction's own lines hold no `<<` and its last line does not end like a continuation:
 * then its head (which stops at the first line not ending like one) lies within those lines and opens
 * no heredoc.
 */
function withoutHeredocHead(instruction: Instruction, lines: readonly string[], startLine: number): boolean {
  const endLine = instruction.getRange().end.line;
  return !anyLineIncludes(lines, startLine, endLine, '<<') && !/[\\`]\s*$/.test(lines[endLine] ?? '');
}

function anyLineIncludes(lines: readonly string[], first: number, last: number, text: string): boolean {
  for (let line = first; line <= last; line += 1) {
    if (lines[line]?.includes(text)) {
      return true;
    }
  }
  return false;
}

/** The instructions that really are instructions (not heredoc body lines). */
export function realInstructions(dockerfile: Dockerfile, bodyLines: ReadonlySet<number>): Instruction[] {
  const instructions = dockerfile.getInstructions();
  return bodyLines.size === 0 ? instructions.slice() : instructions.filter((instruction) => !bodyLines.has(instruction.getRange().start.line));
}

/** The here-documents of an instruction (only RUN, COPY and ADD can carry them; ONBUILD via its trigger). */
export function heredocsOf(instruction: Instruction): Heredoc[] {
  const range = instruction.getRange();
  if (range.start.line === range.end.line) {
    // A body needs a line of its own: skip the (costly) here-document scan for one-line instructions.
    return [];
  }
  if (instruction instanceof Run || instruction instanceof Copy) {
    return readHeredocs(() => instruction.getHeredocs());
  }
  if (instruction instanceof Add) {
    // ADD inherits the parser's here-document reader but the typings keep it protected.
    return readHeredocs(() => (instruction as unknown as { getHeredocs(): Heredoc[] }).getHeredocs());
  }
  if (instruction instanceof Onbuild) {
    const trigger = instruction.getTriggerInstruction();
    return trigger ? heredocsOf(trigger) : [];
  }
  return [];
}

/**
 * dockerfile-ast 0.7.1's here-document reader throws on some malformed openers (`RUN <<-"EOF"" ]`
 * over two lines reads an argument past the last one): such an instruction has no here-document
 * we can show, rather than failing every request that asks.
 */
function readHeredocs(read: () => Heredoc[]): Heredoc[] {
  try {
    return read();
  } catch (error) {
    if (error instanceof TypeError) {
      return [];
    }
    throw error;
  }
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

/** Lines that belong to here-document bodies or their closing delimiters (never to be edited or completed). */
export function heredocSpansOf(instruction: Instruction, document: TextDocument): HeredocSpan[] {
  const spans: HeredocSpan[] = [];
  const effective = instruction instanceof Onbuild ? instruction.getTriggerInstruction() : instruction;
  const isRun = effective instanceof Run;
  for (const heredoc of heredocsOf(instruction)) {
    const content = heredoc.getContentRange();
    const delimiter = heredoc.getDelimiterRange();
    const first = content?.start.line ?? delimiter?.start.line;
    const last = delimiter?.end.line ?? content?.end.line;
    if (first !== undefined && last !== undefined) {
      const opener = document.getText(heredoc.getStartRange());
      spans.push({ first, last, expandsVariables: isRun || !/['"]/.test(opener) });
    }
  }
  return spans;
}
