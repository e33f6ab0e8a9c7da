import { Run, type Instruction } from 'dockerfile-ast';
import type { ParsedDocument } from '../../documentStore';
import type { BuildOutlineArg, BuildOutlineResult, BuildOutlineSessionMount, BuildOutlineStep } from '../../protocol';
import type { ImageConfigLookup } from '../../semantics/imageConfig';
import { analyzeDockerfile, type DockerfileModel } from '../../semantics/model';
import type { Stage } from '../../semantics/stages';
import { declarationsOf } from '../../syntax/variableDeclarations';

/** The instructions BuildKit's Dockerfile frontend numbers as steps (besides the FROM of an image). */
const numberedKeywords = new Set(['RUN', 'COPY', 'ADD', 'WORKDIR']);

const stepOf = (instruction: Instruction): BuildOutlineStep => ({
  keyword: instruction.getKeyword(),
  startLine: instruction.getRange().start.line,
  endLine: instruction.getRange().end.line,
});

/**
 * The steps of a stage in BuildKit's numbering: the FROM is step 1 when it names an image (not
 * scratch, not an earlier stage), then every RUN, COPY, ADD and WORKDIR in order.
 */
function stepsOf(stage: Stage): BuildOutlineStep[] {
  const steps = stage.base.kind === 'image' ? [stepOf(stage.from)] : [];
  return [...steps, ...stage.instructions.filter((instruction) => numberedKeywords.has(instruction.getKeyword())).map(stepOf)];
}

/** The ARGs the instructions declare, read as the variable scope reads them (every name of `ARG A B`). */
function argsOf(model: DockerfileModel, instructions: readonly Instruction[], stage: number): BuildOutlineArg[] {
  return instructions
    .flatMap((instruction) => declarationsOf(model, instruction))
    .filter((declaration) => declaration.kind === 'ARG')
    .map(({ name, value, instruction }) => ({ name, ...(value !== undefined ? { defaultValue: value } : {}), stage, line: instruction.getRange().start.line }));
}

function sessionMountsOf(instructions: readonly Instruction[]): BuildOutlineSessionMount[] {
  const found: BuildOutlineSessionMount[] = [];
  for (const run of instructions) {
    if (!(run instanceof Run)) {
      continue;
    }
    for (const flag of run.getFlags()) {
      const type = flag.getName().toLowerCase() === 'mount' ? /(?:^|,)type=(secret|ssh)(?:,|$)/i.exec(flag.getValue() ?? '')?.[1]?.toLowerCase() : undefined;
      if (type === 'secret' || type === 'ssh') {
        found.push({ type, line: run.getRange().start.line });
      }
    }
  }
  return found;
}

/** The build outline of one parsed version, from the one model (stages, commands). Pure. */
export function provideBuildOutline(parsed: ParsedDocument, lookup?: ImageConfigLookup): BuildOutlineResult {
  const model = analyzeDockerfile(parsed, lookup);
  const stages = model.stages.map((stage, index) => {
    const runs = model.commands[index]?.argv ?? 'unknown';
    return { index: stage.index, ...(stage.writtenName ? { name: stage.writtenName } : {}), line: stage.from.getRange().start.line, steps: stepsOf(stage), runs };
  });
  const globalArgs = argsOf(model, model.globalInstructions, -1);
  const stageArgs = model.stages.flatMap((stage) => argsOf(model, stage.instructions, stage.index));
  return { stages, args: [...globalArgs, ...stageArgs], sessionMounts: sessionMountsOf(model.instructions) };
}
