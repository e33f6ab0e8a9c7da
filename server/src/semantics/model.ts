import type { Dockerfile, Instruction } from 'dockerfile-ast';
import { heredocBodyLines, realInstructions } from './heredocs';
import { documentLines } from './instructionText';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { resolveStageCommands, type StageCommand } from './effectiveCommand';
import { noImageConfigs, type ImageConfigLookup } from './imageConfig';
import { buildStages, type Stage } from './stages';

/** What a Dockerfile means: its stages and what each stage's image runs. Diagnostics, hover and hints read this. */
export interface DockerfileModel {
  readonly document: TextDocument;
  readonly dockerfile: Dockerfile;
  /** Instructions in order, without heredoc body lines the parser mistook for instructions. */
  readonly instructions: readonly Instruction[];
  /** The same instructions grouped by uppercase keyword, in order. */
  readonly byKeyword: ReadonlyMap<string, readonly Instruction[]>;
  /** Lines inside heredoc bodies (text, not instructions). */
  readonly heredocLines: ReadonlySet<number>;
  /** The document's lines, split once. */
  readonly lines: readonly string[];
  readonly stages: readonly Stage[];
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
type Structure = Omit<DockerfileModel, 'commands'>;

const structures = new WeakMap<ParsedLike, { structure: Structure; unanswered?: DockerfileModel }>();

function buildStructure(parsed: ParsedLike): { structure: Structure } {
  const lines = documentLines(parsed.document);
  const heredocLines = heredocBodyLines(lines, parsed.dockerfile);
  const instructions = realInstructions(parsed.dockerfile, heredocLines);
  const stages = buildStages(parsed.document, parsed.dockerfile, instructions);
  const byKeyword = groupByKeyword(instructions);
  return { structure: { document: parsed.document, dockerfile: parsed.dockerfile, instructions, byKeyword, heredocLines, lines, stages } };
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

/** The stage whose lines hold `line` (binary search: files can have thousands of stages). */
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
