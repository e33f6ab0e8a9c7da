/**
 * Works out what kind of completion fits the cursor: an instruction keyword, a parser directive, or
 * something inside an instruction's arguments (with the tokens before the cursor). Only the instruction
 * under the cursor is read, so the cost does not grow with the file.
 */
import { Onbuild, type Instruction } from 'dockerfile-ast';
import type { Position, Range } from 'vscode-languageserver';
import { instructionAt, type DockerfileModel } from '../../semantics/model';
import { continuedText, inDirectiveHeader, isCommentLine, lineText, splitLines } from '../../syntax/lines';

/** Keyword position: the start of an instruction (or of an ONBUILD trigger). */
export interface KeywordContext {
  readonly kind: 'keyword';
  readonly range: Range;
  readonly onbuildTrigger: boolean;
  /** The cursor is before the first FROM: only ARG and FROM are valid. */
  readonly beforeFirstFrom: boolean;
  /** Text follows on the line, so no space is added after the keyword. */
  readonly hasArguments: boolean;
  /** An empty line where a parser directive may still be written (only directives above it). */
  readonly directiveAllowed?: boolean;
}

/** Inside a parser-directive comment at the top of the file. */
export interface DirectiveContext {
  readonly kind: 'directive';
  /** The line up to the cursor. */
  readonly textBefore: string;
  readonly position: Position;
}

/** Inside the arguments of an instruction. */
export interface ArgumentsContext {
  readonly kind: 'arguments';
  /** The effective instruction (the trigger's keyword for ONBUILD). */
  readonly keyword: string;
  readonly instruction: Instruction;
  /** Whole tokens before the current one. */
  readonly previousTokens: readonly string[];
  /** The token being typed (text from its start to the cursor, on the cursor's line). */
  readonly current: string;
  readonly position: Position;
  /** The text on the cursor's line after the cursor. */
  readonly textAfter: string;
  /** Set when a very long candidate list was cut down to what matches the typed prefix. */
  readonly budget: CompletionBudget;
  /** Image tags of the local engine, offered after stage names where an image may stand (may be empty). */
  readonly localImages?: readonly string[];
}

/** Records whether the answer leaves candidates out (the list must then be marked incomplete). */
export interface CompletionBudget {
  truncated: boolean;
}

export type CompletionContext = KeywordContext | DirectiveContext | ArgumentsContext | { readonly kind: 'none' };

const none = { kind: 'none' } as const;

/** Classifies the cursor position. */
export function computeCompletionContext(model: DockerfileModel, position: Position): CompletionContext {
  const document = model.document;
  const line = lineText(document, position.line);
  const before = line.slice(0, position.character);
  if (model.heredocLines.has(position.line)) {
    // Here-document text: not an instruction, whether or not the syntax tree counts it as one.
    return none;
  }
  const instruction = instructionAt(model, position);
  if (!instruction) {
    return outsideInstruction(model, position, before, line);
  }
  const keywordRange = instruction.getInstructionRange();
  if (position.line !== keywordRange.start.line && isCommentLine(line)) {
    return none;
  }
  if (position.line === keywordRange.start.line && position.character <= keywordRange.end.character) {
    if (position.character < keywordRange.start.character) {
      return none;
    }
    const hasArguments = line.slice(keywordRange.end.character).trim().length > 0;
    return { kind: 'keyword', range: keywordRange, onbuildTrigger: false, beforeFirstFrom: isBeforeFirstFrom(model, position), hasArguments };
  }
  const argumentsText = joinContinuations(document.getText({ start: keywordRange.end, end: position }), model.escapeChar);
  const tokens = argumentsText.split(/\s+/);
  const current = tokens.pop() ?? '';
  const previousTokens = tokens.filter((token) => token.length > 0);
  const textAfter = line.slice(position.character);
  if (instruction instanceof Onbuild) {
    return onbuildContext(instruction, previousTokens, current, position, textAfter);
  }
  return { kind: 'arguments', keyword: instruction.getKeyword(), instruction, previousTokens, current, position, textAfter, budget: { truncated: false } };
}

function outsideInstruction(model: DockerfileModel, position: Position, before: string, line: string): CompletionContext {
  if (isCommentLine(before)) {
    return inDirectiveHeader(model.document, position.line) ? { kind: 'directive', textBefore: before, position } : none;
  }
  const word = /^(\s*)([A-Za-z]*)$/.exec(before);
  if (!word) {
    return none;
  }
  const start = (word[1] ?? '').length;
  const rest = line.slice(position.character);
  const wordEnd = position.character + (/^[A-Za-z]*/.exec(rest)?.[0].length ?? 0);
  return {
    kind: 'keyword',
    range: { start: { line: position.line, character: start }, end: { line: position.line, character: wordEnd } },
    onbuildTrigger: false,
    beforeFirstFrom: isBeforeFirstFrom(model, position),
    hasArguments: line.slice(wordEnd).trim().length > 0,
    directiveAllowed: line.trim().length === 0 && inDirectiveHeader(model.document, position.line),
  };
}

function onbuildContext(instruction: Instruction, previousTokens: readonly string[], current: string, position: Position, textAfter: string): CompletionContext {
  const [trigger, ...rest] = previousTokens;
  if (trigger === undefined) {
    const range = { start: { line: position.line, character: position.character - current.length }, end: position };
    return { kind: 'keyword', range, onbuildTrigger: true, beforeFirstFrom: false, hasArguments: textAfter.trim().length > 0 };
  }
  return { kind: 'arguments', keyword: trigger.toUpperCase(), instruction, previousTokens: rest, current, position, textAfter, budget: { truncated: false } };
}

function isBeforeFirstFrom(model: DockerfileModel, position: Position): boolean {
  const first = model.stages[0];
  return !first || position.line <= first.range.start.line;
}

/** Joins the physical lines of an instruction: drops comment lines and the escape character that continues a line. */
export function joinContinuations(text: string, escapeChar: string): string {
  const lines = splitLines(text);
  const kept: string[] = [];
  lines.forEach((line, index) => {
    if (index > 0 && isCommentLine(line)) {
      return;
    }
    kept.push(index === lines.length - 1 ? line : (continuedText(line, escapeChar) ?? line.trimEnd()));
  });
  return kept.join(' ');
}
