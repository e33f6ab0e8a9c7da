import type { Dockerfile, Instruction } from 'dockerfile-ast';
import { heredocBodyLines, realInstructions } from './heredocs';
import { readHeredocs, type Heredoc } from '../syntax/heredocReader';
import { lastStartingAtOrBefore } from '../util/sortedByLine';
import { documentLines } from './instructionText';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position } from 'vscode-languageserver';
import { resolveStageCommands, type StageCommand } from './effectiveCommand';
import { noImageConfigs, type ImageConfigLookup } from './imageConfig';
import { buildStages, type Stage } from './stages';

/**
 * The one model of a document version: its instructions, stages, heredoc lines and what each stage's
 * image runs. Built once per parsed version (the structure; the commands once more per answer of the
 * client about external images) and read by every feature: completion, hover, diagnostics, code
 * actions, symbols, navigation, folding, formatting and inlay hints.
 */
export interface DockerfileModel {
  readonly document: TextDocument;
  readonly dockerfile: Dockerfile;
  readonly escapeChar: string;
  /** Instructions in order, without heredoc body lines the parser mistook for instructions. */
  readonly instructions: readonly Instruction[];
  /** The instructions before the first FROM (the global scope: ARGs, or mistakes). */
  readonly globalInstructions: readonly Instruction[];
  /** The same instructions grouped by uppercase keyword, in order. */
  readonly byKeyword: ReadonlyMap<string, readonly Instruction[]>;
  /** The here-documents, in document order (read from the text: see syntax/heredocReader). */
  readonly heredocs: readonly Heredoc[];
  /** Lines inside heredoc bodies or closing them (text, not instructions). */
  readonly heredocLines: ReadonlySet<number>;
  /** The document's lines, split once. */
  readonly lines: readonly string[];
  readonly stages: readonly Stage[];
  /** Stages by lower-cased name, in document order (duplicates are possible, if invalid). */
  readonly stagesByName: ReadonlyMap<string, readonly Stage[]>;
  /** One entry per stage, same order. */
  readonly commands: readonly StageCommand[];
}

/** Builds the model of a parsed Dockerfile; external images stay unknown unless `lookup` knows them. */
export function analyzeDockerfile(parsed: ParsedLike, lookup: ImageConfigLookup = noImageConfigs): DockerfileModel {
  // Everything but the commands depends only on the parsed version, so hover, hints and
  // diagnostics of one version share it; only the commands consult the (changing) client answers.
  let cached = structures.get(parsed);
  if (!cached) {
    cached = buildStructure(parsed);
    structures.set(parsed, cached);
  }
  if (lookup === noImageConfigs) {
    cached.unanswered ??= { ...cached.structure, commands: resolveStageCommands(cached.structure.stages, lookup) };
    return cached.unanswered;
  }
  return { ...cached.structure, commands: resolveStageCommands(cached.structure.stages, lookup) };
}

type ParsedLike = { readonly document: TextDocument; readonly dockerfile: Dockerfile };

/** The model of a parsed version, without answers about external images (built once per version). */
export function getModel(parsed: ParsedLike): DockerfileModel {
  return analyzeDockerfile(parsed);
}
type Structure = Omit<DockerfileModel, 'commands'>;

const structures = new WeakMap<ParsedLike, { structure: Structure; unanswered?: DockerfileModel }>();

function buildStructure(parsed: ParsedLike): { structure: Structure } {
  const lines = documentLines(parsed.document);
  const escapeChar = parsed.dockerfile.getEscapeCharacter();
  const heredocs = readHeredocs(lines, escapeChar);
  const heredocLines = heredocBodyLines(heredocs);
  const instructions = realInstructions(parsed.dockerfile.getInstructions(), heredocLines);
  const stages = buildStages(parsed.document, parsed.dockerfile, instructions, lines);
  const byKeyword = groupByKeyword(instructions);
  const firstFrom = stages[0]?.range.start.line ?? Number.POSITIVE_INFINITY;
  const globalInstructions = instructions.filter((instruction) => instruction.getRange().start.line < firstFrom);
  const stagesByName = new Map<string, Stage[]>();
  for (const stage of stages) {
    if (stage.name !== undefined) {
      stagesByName.set(stage.name, [...(stagesByName.get(stage.name) ?? []), stage]);
    }
  }
  return {
    structure: { document: parsed.document, dockerfile: parsed.dockerfile, escapeChar, instructions, globalInstructions, byKeyword, heredocs, heredocLines, lines, stages, stagesByName },
  };
}

function groupByKeyword(instructions: readonly Instruction[]): Map<string, Instruction[]> {
  const groups = new Map<string, Instruction[]>();
  for (const instruction of instructions) {
    const keyword = instruction.getKeyword();
    const group = groups.get(keyword);
    if (group) {
      group.push(instruction);
    } else {
      groups.set(keyword, [instruction]);
    }
  }
  return groups;
}

/** The instructions with one of the given keywords, in document order. */
export function instructionsOf(model: DockerfileModel, ...keywords: string[]): Instruction[] {
  const found = keywords.flatMap((keyword) => [...(model.byKeyword.get(keyword) ?? [])]);
  return keywords.length > 1 ? found.sort((a, b) => a.getRange().start.line - b.getRange().start.line) : found;
}

/**
 * The stage whose lines hold `line` (binary search: files can have thousands of stages); undefined
 * before the first FROM and on lines between stages (blank or comment lines after a stage's last
 * instruction belong to no stage here; see stageAtLine for "the stage a line falls under").
 */
export function stageAt(model: DockerfileModel, line: number): Stage | undefined {
  const stages = model.stages;
  let low = 0;
  let high = stages.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const stage = stages[middle];
    if (!stage) {
      return undefined;
    }
    if (line < stage.range.start.line) {
      high = middle - 1;
    } else if (line > stage.range.end.line) {
      low = middle + 1;
    } else {
      return stage;
    }
  }
  return undefined;
}

/** The stage whose FROM is at or before `line`: the stage a line falls under (undefined before the first FROM). */
export function stageAtLine(model: DockerfileModel, line: number): Stage | undefined {
  return lastStartingAtOrBefore(model.stages, line, (stage) => stage.range.start.line);
}

/** The stage a stage name refers to (case-insensitively, as BuildKit does), among stages before `beforeIndex`. */
export function findStageByName(model: DockerfileModel, name: string, beforeIndex = Number.POSITIVE_INFINITY): Stage | undefined {
  return model.stagesByName.get(name.toLowerCase())?.find((stage) => stage.index < beforeIndex);
}

/**
 * The stage a `--from=`/`FROM` reference on `line` names: by its `AS` name (case-insensitive, as
 * BuildKit compares them) or by its index, counting only stages that start before that line.
 */
export function findStageReference(model: DockerfileModel, reference: string, line: number): Stage | undefined {
  const stage = /^\d+$/.test(reference) ? model.stages[Number(reference)] : findStageByName(model, reference);
  return stage && stage.range.start.line < line ? stage : undefined;
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
