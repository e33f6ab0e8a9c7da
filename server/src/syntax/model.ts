/**
 * A per-version index over the parsed Dockerfile: instructions sorted by line, build stages with their
 * names and line spans, and the escape character. Built once per parsed version (cached on the
 * ParsedDocument object, which the store replaces on every change), so requests only do lookups.
 */
import { Add, Copy, From, Onbuild, Run, type Dockerfile, type Heredoc, type Instruction } from 'dockerfile-ast';
import type { Position, Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ParsedDocument } from '../documentStore';

/** One build stage: a FROM instruction and every instruction up to the next FROM. */
export interface Stage {
  readonly index: number;
  readonly from: From;
  /** The `AS` name as written, if any. */
  readonly name: string | undefined;
  readonly nameRange: Range | undefined;
  /** Instructions of the stage, the FROM included. */
  readonly instructions: readonly Instruction[];
  /** First line (the FROM) and last line of the stage's last instruction. */
  readonly startLine: number;
  readonly endLine: number;
}

/** The index of one parsed version. */
export interface DockerfileModel {
  readonly parsed: ParsedDocument;
  readonly dockerfile: Dockerfile;
  readonly escapeChar: string;
  /** All instructions in document order. */
  readonly instructions: readonly Instruction[];
  /** ARG instructions before the first FROM. */
  readonly globalInstructions: readonly Instruction[];
  readonly stages: readonly Stage[];
  /** Stages by lower-cased name, in document order (duplicates are possible, if invalid). */
  readonly stagesByName: ReadonlyMap<string, readonly Stage[]>;
}

const cache = new WeakMap<ParsedDocument, DockerfileModel>();

/** The model of a parsed version, built on first use. */
export function getModel(parsed: ParsedDocument): DockerfileModel {
  let model = cache.get(parsed);
  if (!model) {
    model = buildModel(parsed);
    cache.set(parsed, model);
  }
  return model;
}

function buildModel(parsed: ParsedDocument): DockerfileModel {
  const dockerfile = parsed.dockerfile;
  const instructions = dockerfile.getInstructions();
  const globalInstructions: Instruction[] = [];
  const stages: Stage[] = [];
  let current: { from: From; instructions: Instruction[] } | undefined;
  const close = (): void => {
    if (!current) {
      return;
    }
    const last = current.instructions[current.instructions.length - 1] ?? current.from;
    const name = current.from.getBuildStage() ?? undefined;
    stages.push({
      index: stages.length,
      from: current.from,
      name,
      nameRange: name === undefined ? undefined : (current.from.getBuildStageRange() ?? undefined),
      instructions: current.instructions,
      startLine: current.from.getRange().start.line,
      endLine: last.getRange().end.line,
    });
  };
  for (const instruction of instructions) {
    if (instruction instanceof From) {
      close();
      current = { from: instruction, instructions: [instruction] };
    } else if (current) {
      current.instructions.push(instruction);
    } else {
      globalInstructions.push(instruction);
    }
  }
  close();
  const stagesByName = new Map<string, Stage[]>();
  for (const stage of stages) {
    if (stage.name !== undefined) {
      const key = stage.name.toLowerCase();
      stagesByName.set(key, [...(stagesByName.get(key) ?? []), stage]);
    }
  }
  return { parsed, dockerfile, escapeChar: dockerfile.getEscapeCharacter(), instructions, globalInstructions, stages, stagesByName };
}

/** The instruction whose range holds `position` (binary search by start line), if any. */
export function instructionAt(model: DockerfileModel, position: Position): Instruction | undefined {
  const candidate = lastStartingAtOrBefore(model.instructions, position.line, (item) => item.getRange().start.line);
  if (!candidate) {
    return undefined;
  }
  const range = candidate.getRange();
  const afterStart = position.line > range.start.line || position.character >= range.start.character;
  const beforeEnd = position.line < range.end.line || (position.line === range.end.line && position.character <= range.end.character);
  return afterStart && beforeEnd ? candidate : undefined;
}

/** The stage whose FROM is at or before `line` (undefined before the first FROM). */
export function stageAtLine(model: DockerfileModel, line: number): Stage | undefined {
  return lastStartingAtOrBefore(model.stages, line, (stage) => stage.startLine);
}

/** The last item whose start line is at or before `line`, in a list sorted by start line. */
export function lastStartingAtOrBefore<T>(items: readonly T[], line: number, startOf: (item: T) => number): T | undefined {
  const index = lastIndexStartingAtOrBefore(items, line, startOf);
  return index < 0 ? undefined : items[index];
}

/** The index of the last item whose start line is at or before `line` (-1 if none), by binary search. */
export function lastIndexStartingAtOrBefore<T>(items: readonly T[], line: number, startOf: (item: T) => number): number {
  let low = 0;
  let high = items.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (startOf(items[middle] as T) <= line) {
      found = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found;
}

/** The here-documents of an instruction (only RUN, COPY and ADD can carry them; ONBUILD via its trigger). */
export function heredocsOf(instruction: Instruction): Heredoc[] {
  const range = instruction.getRange();
  if (range.start.line === range.end.line) {
    // A body needs a line of its own: skip the (costly) here-document scan for one-line instructions.
    return [];
  }
  if (instruction instanceof Run || instruction instanceof Copy) {
    return instruction.getHeredocs();
  }
  if (instruction instanceof Add) {
    // ADD inherits the parser's here-document reader but the typings keep it protected.
    return (instruction as unknown as { getHeredocs(): Heredoc[] }).getHeredocs();
  }
  if (instruction instanceof Onbuild) {
    const trigger = instruction.getTriggerInstruction();
    return trigger ? heredocsOf(trigger) : [];
  }
  return [];
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
export function heredocBodyLines(instruction: Instruction, document: TextDocument): HeredocSpan[] {
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

/** The stage a stage name refers to (case-insensitively, as BuildKit does), among stages before `beforeIndex`. */
export function findStageByName(model: DockerfileModel, name: string, beforeIndex = Number.POSITIVE_INFINITY): Stage | undefined {
  return model.stagesByName.get(name.toLowerCase())?.find((stage) => stage.index < beforeIndex);
}
