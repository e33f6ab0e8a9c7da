import type { Dockerfile, Instruction } from 'dockerfile-ast';
import { heredocBodyLines, realInstructions } from './heredocs';
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
  readonly stages: readonly Stage[];
  /** One entry per stage, same order. */
  readonly commands: readonly StageCommand[];
}

/** Builds the model of a parsed Dockerfile; external images stay unknown unless `lookup` knows them. */
export function analyzeDockerfile(
  parsed: { readonly document: TextDocument; readonly dockerfile: Dockerfile },
  lookup: ImageConfigLookup = noImageConfigs,
): DockerfileModel {
  const instructions = realInstructions(parsed.dockerfile, heredocBodyLines(parsed.document, parsed.dockerfile));
  const stages = buildStages(parsed.document, parsed.dockerfile, instructions);
  return { document: parsed.document, dockerfile: parsed.dockerfile, instructions, stages, commands: resolveStageCommands(stages, lookup) };
}

/** The stage whose range holds `line`, if any. */
export function stageAtLine(model: DockerfileModel, line: number): Stage | undefined {
  return model.stages.find((stage) => stage.range.start.line <= line && line <= stage.range.end.line);
}
