import { JSONInstruction, type Instruction } from 'dockerfile-ast';
import type { Hover, Position, Range } from 'vscode-languageserver';
import { scanVariableReferences } from '../../syntax/variableReferences';
import type { ParsedDocument } from '../../documentStore';
import type { DocLocale } from '../../docs';
import { contains } from '../../util/ranges';
import { displayLine, markdownHover, quoteInstruction } from './markdown';
import { hoverMessages, type HoverMessages } from './messages';
import type { DockerfileModel } from '../../semantics/model';
import type { VariableDeclaration } from '../../syntax/variableDeclarations';
import { explainVariable, type VariableResolution } from '../../syntax/variableScope';

function valueLine(messages: HoverMessages, value: string | undefined): string {
  return value === undefined ? messages.noDefault : `${messages.defaultValue} \`${value}\``;
}

function describeDefinition(parsed: ParsedDocument, messages: HoverMessages, definition: VariableDeclaration): string[] {
  return [messages.definedOn(displayLine(definition.instruction)), quoteInstruction(parsed, definition.instruction)];
}

function describe(parsed: ParsedDocument, name: string, resolution: VariableResolution, locale: DocLocale, inShellCommand: boolean): string {
  const messages = hoverMessages(locale);
  const title = `**\`$${name}\`**`;
  switch (resolution.kind) {
    case 'defined': {
      const { definition, globalDefault, earlierValue } = resolution;
      const kind = definition.kind === 'ARG' ? messages.buildArg : messages.envVar;
      const parts = [`${title} — ${kind}`, ...describeDefinition(parsed, messages, definition)];
      if (globalDefault) {
        parts.push(`${messages.globalDefault(displayLine(globalDefault.instruction))} ${globalDefault.value === undefined ? messages.noDefault : `\`${globalDefault.value}\``}`);
      } else if (earlierValue) {
        parts.push(`${messages.earlierValue(displayLine(earlierValue.instruction))} \`${earlierValue.value ?? ''}\``);
      } else {
        parts.push(valueLine(messages, definition.value));
      }
      return parts.join('\n\n');
    }
    case 'predefined': {
      const parts = [`${title} — ${messages.predefined}`, resolution.arg.description[locale]];
      if (resolution.declaration) {
        const line = displayLine(resolution.declaration.instruction);
        parts.push(resolution.declaredInBaseStage ? messages.declaredInBaseStage(line) : messages.declaredOn(line));
      } else if (resolution.needsDeclaration) {
        parts.push(messages.needsDeclaration(name));
      }
      return parts.join('\n\n');
    }
    case 'globalOnly':
      return [`${title} — ${messages.buildArg}`, messages.globalOnly(name, displayLine(resolution.definition.instruction)), quoteInstruction(parsed, resolution.definition.instruction)].join('\n\n');
    case 'undefined':
      return [title, inShellCommand ? messages.shellVariable : messages.undefinedVariable].join('\n\n');
  }
}

/** Instructions whose arguments Docker hands to a program instead of substituting variables itself. */
const commandKeywords: ReadonlySet<string> = new Set(['RUN', 'CMD', 'ENTRYPOINT']);
/** Instructions that run when the container starts rather than during the build. */
const runtimeKeywords: ReadonlySet<string> = new Set(['CMD', 'ENTRYPOINT']);

/**
 * The `$NAME` or `${NAME…}` reference under `position` in the instruction's arguments: its name and
 * its whole span (through the closing brace). Read from the text rather than with the syntax tree's
 * `getVariables()`, which asks dockerfile-ast's `Dockerfile.resolveVariable` about every reference,
 * and that recurses without end for a line no stage's range covers (seen with random edits).
 */
function variableAt(parsed: ParsedDocument, instruction: Instruction, position: Position): { name: string; range: Range } | undefined {
  const range = instruction.getRange();
  if (position.line < range.start.line || position.line > range.end.line) {
    return undefined;
  }
  const line = position.line;
  const text = parsed.document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r?\n$/, '');
  const from = line === range.start.line ? instruction.getInstructionRange().end.character : 0;
  const to = line === range.end.line ? range.end.character : text.length;
  const escapeChar = parsed.dockerfile.getEscapeCharacter();
  for (const reference of scanVariableReferences(text.slice(from, to), escapeChar)) {
    const dollar = from + reference.start - (reference.braced ? 2 : 1);
    const closing = reference.braced ? text.indexOf('}', from + reference.end) : -1;
    const end = closing >= 0 && closing < to ? closing + 1 : from + reference.end;
    const span = { start: { line, character: dollar }, end: { line, character: end } };
    if (contains(span, position)) {
      return { name: reference.name, range: span };
    }
  }
  return undefined;
}

function isExecForm(instruction: Instruction): boolean {
  return instruction instanceof JSONInstruction && instruction.getOpeningBracket() !== null;
}

/** Warnings about where the reference sits: exec form expands nothing; CMD/ENTRYPOINT never see ARGs. */
function placementNotes(instruction: Instruction, name: string, resolution: VariableResolution, locale: DocLocale): string[] {
  const keyword = instruction.getKeyword();
  if (!commandKeywords.has(keyword)) {
    return [];
  }
  const messages = hoverMessages(locale);
  if (isExecForm(instruction)) {
    return [messages.execFormNotExpanded(name)];
  }
  const isBuildArg = (resolution.kind === 'defined' && resolution.definition.kind === 'ARG') || resolution.kind === 'predefined';
  return runtimeKeywords.has(keyword) && isBuildArg ? [messages.argAbsentAtRuntime] : [];
}

/** Hover on `$NAME` / `${NAME}`: where the variable in scope is defined and its value. */
export function variableHover(
  parsed: ParsedDocument,
  instruction: Instruction,
  position: Position,
  locale: DocLocale,
  model: DockerfileModel,
): Hover | null {
  const variable = variableAt(parsed, instruction, position);
  if (!variable) {
    return null;
  }
  const name = variable.name;
  const resolution = explainVariable(model, name, instruction.getRange().start.line);
  const inShellCommand = commandKeywords.has(instruction.getKeyword()) && !isExecForm(instruction);
  const notes = placementNotes(instruction, name, resolution, locale).map((note) => `⚠️ ${note}`);
  return markdownHover([describe(parsed, name, resolution, locale, inShellCommand), ...notes].join('\n\n'), variable.range);
}
