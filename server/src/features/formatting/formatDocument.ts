/**
 * Formatting that never changes what a Dockerfile means: instruction keywords (and FROM's `AS`) in upper case, no
 * indentation before an instruction, one space after the keyword, and continuation lines indented by
 * one unit. A continuation line is re-indented only when the join already has whitespace (so `a\` +
 * `b` stays `ab`) and the break is outside quotes; here-document bodies and instructions holding them
 * are never re-indented.
 */
import { From, Onbuild, type Instruction } from 'dockerfile-ast';
import type { FormattingOptions, Range, TextEdit } from 'vscode-languageserver';
import type { ParsedDocument } from '../../documentStore';
import { continuedText, isCommentLine, lineText } from '../../syntax/lines';
import { getModel, type DockerfileModel } from '../../semantics/model';
import { heredocsOf } from '../../semantics/heredocs';
import { instructionKeywords } from '../../docs/keys';

const knownKeywords: ReadonlySet<string> = new Set(instructionKeywords);

/** Edits for the whole document, or for the instructions touching `range`. */
export function formatDocument(parsed: ParsedDocument, options: FormattingOptions, range?: Range): TextEdit[] {
  const model = getModel(parsed);
  const indent = options.insertSpaces ? ' '.repeat(options.tabSize) : '\t';
  const edits: TextEdit[] = [];
  for (const instruction of model.instructions) {
    const span = instruction.getRange();
    if (range && (span.end.line < range.start.line || span.start.line > range.end.line)) {
      continue;
    }
    edits.push(...firstLineEdits(model, instruction));
    if (heredocsOf(model, instruction).length === 0 && toleratesExtraWhitespace(instruction)) {
      edits.push(...continuationEdits(model, instruction, indent));
    }
  }
  return edits;
}

function firstLineEdits(model: DockerfileModel, instruction: Instruction): TextEdit[] {
  const edits: TextEdit[] = [];
  const keywordRange = instruction.getInstructionRange();
  const line = keywordRange.start.line;
  const text = lineText(model.document, line);
  if (keywordRange.start.character > 0) {
    edits.push({ range: { start: { line, character: 0 }, end: keywordRange.start }, newText: '' });
  }
  pushCasing(edits, instruction.getInstruction(), keywordRange);
  const gap = /^[ \t]+/.exec(text.slice(keywordRange.end.character))?.[0] ?? '';
  const rest = text.slice(keywordRange.end.character + gap.length);
  if (gap !== ' ' && gap.length > 0 && rest.length > 0 && rest.trim() !== model.escapeChar) {
    edits.push({ range: { start: keywordRange.end, end: { line, character: keywordRange.end.character + gap.length } }, newText: ' ' });
  }
  if (instruction instanceof From) {
    edits.push(...asKeywordCasing(model, instruction));
  }
  if (instruction instanceof Onbuild) {
    const triggerRange = instruction.getTriggerRange();
    const trigger = instruction.getTriggerWord();
    if (triggerRange && trigger) {
      pushCasing(edits, trigger, triggerRange);
    }
  }
  return edits;
}

/** `FROM image as name` → `AS` (BuildKit's FromAsCasing check wants it to match the upper-case FROM). */
function asKeywordCasing(model: DockerfileModel, from: From): TextEdit[] {
  const stageRange = from.getBuildStageRange();
  if (!stageRange) {
    return [];
  }
  const before = lineText(model.document, stageRange.start.line).slice(0, stageRange.start.character);
  const match = /(?:^|\s)(as)\s+$/i.exec(before);
  const written = match?.[1];
  if (!match || written === undefined || written === 'AS') {
    return [];
  }
  const start = match.index + match[0].indexOf(written);
  const line = stageRange.start.line;
  return [{ range: { start: { line, character: start }, end: { line, character: start + 2 } }, newText: 'AS' }];
}

function pushCasing(edits: TextEdit[], written: string, range: Range): void {
  const upper = written.toUpperCase();
  if (written !== upper && knownKeywords.has(upper)) {
    edits.push({ range, newText: upper });
  }
}

/** Instructions that split their arguments on whitespace, so its amount between words carries no meaning. */
const whitespaceSplit = new Set(['RUN', 'CMD', 'ENTRYPOINT', 'SHELL', 'COPY', 'ADD', 'FROM', 'EXPOSE', 'VOLUME', 'HEALTHCHECK']);

/**
 * Whether re-indenting continuation lines is safe. ENV, LABEL and ARG only in their `key=value` form:
 * the legacy `ENV key a value` form keeps the spaces inside its value.
 */
function toleratesExtraWhitespace(instruction: Instruction): boolean {
  const effective = instruction instanceof Onbuild ? instruction.getTriggerInstruction() : instruction;
  if (!effective) {
    return false;
  }
  const keyword = effective.getKeyword();
  if (whitespaceSplit.has(keyword)) {
    return true;
  }
  if (keyword === 'ENV' || keyword === 'LABEL' || keyword === 'ARG') {
    return effective.getArguments()[0]?.getValue().includes('=') === true;
  }
  return false;
}

function continuationEdits(model: DockerfileModel, instruction: Instruction, indent: string): TextEdit[] {
  const edits: TextEdit[] = [];
  const span = instruction.getRange();
  const scanner = new QuoteScanner(model.escapeChar);
  let previous = lineText(model.document, span.start.line);
  scanner.feed(previous);
  for (let line = span.start.line + 1; line <= span.end.line; line += 1) {
    const text = lineText(model.document, line);
    const leading = /^[ \t]*/.exec(text)?.[0] ?? '';
    if (text.trim().length === 0 || text.trim() === model.escapeChar) {
      // Blank and escape-only lines add nothing to the joined text; leave them and keep `previous`.
      continue;
    }
    if (isCommentLine(text)) {
      // Comment lines inside an instruction are dropped by the parser, so their indentation is free.
      if (leading !== indent) {
        edits.push(indentEdit(line, leading, indent));
      }
      continue;
    }
    const joinHasSpace = leading.length > 0 || /[ \t]$/.test(continuedText(previous, model.escapeChar) ?? previous.trimEnd());
    if (!scanner.inQuotes && joinHasSpace && leading !== indent) {
      edits.push(indentEdit(line, leading, indent));
    }
    scanner.feed(text);
    previous = text;
  }
  return edits;
}

function indentEdit(line: number, leading: string, indent: string): TextEdit {
  return { range: { start: { line, character: 0 }, end: { line, character: leading.length } }, newText: indent };
}

/** Tracks whether the text fed so far ends inside a single- or double-quoted string. */
class QuoteScanner {
  private quote: string | undefined;

  constructor(private readonly escapeChar: string) {}

  get inQuotes(): boolean {
    return this.quote !== undefined;
  }

  feed(text: string): void {
    for (let index = 0; index < text.length; index += 1) {
      const char = text[index];
      if (char === this.escapeChar && this.quote !== "'") {
        index += 1;
      } else if (this.quote === undefined && (char === '"' || char === "'")) {
        this.quote = char;
      } else if (char === this.quote) {
        this.quote = undefined;
      }
    }
  }
}
