/**
 * Which ARG/ENV declarations are visible where: global ARGs (before the first FROM) in FROM lines;
 * inside a stage, the stage's own ARG/ENV declared earlier plus the ENV of the stages it builds on.
 * A global ARG is visible in a stage only through a redeclaring `ARG NAME` in that stage.
 */
import { Arg, Env, type Instruction } from 'dockerfile-ast';
import type { Position, Range } from 'vscode-languageserver';
import { findStageByName, stageAtLine, type DockerfileModel, type Stage } from './model';

/** One declared variable (a property of an ARG or ENV instruction). */
export interface VariableDeclaration {
  readonly name: string;
  readonly nameRange: Range;
  readonly value: string | undefined;
  readonly kind: 'ARG' | 'ENV';
  readonly instruction: Instruction;
  /** Stage index, or -1 for a global ARG. */
  readonly stageIndex: number;
}

const declarationCache = new WeakMap<Instruction, VariableDeclaration[]>();

/** The declarations made by one instruction (empty unless ARG or ENV); cached per parsed instruction and stage. */
export function declarationsOf(instruction: Instruction, stageIndex: number): VariableDeclaration[] {
  if (!(instruction instanceof Arg) && !(instruction instanceof Env)) {
    return [];
  }
  let declarations = declarationCache.get(instruction);
  if (!declarations || declarations[0]?.stageIndex !== stageIndex) {
    declarations = readDeclarations(instruction, stageIndex);
    declarationCache.set(instruction, declarations);
  }
  return declarations;
}

function readDeclarations(instruction: Arg | Env, stageIndex: number): VariableDeclaration[] {
  const kind = instruction instanceof Arg ? 'ARG' : 'ENV';
  return instruction.getProperties().map((property) => ({
    name: property.getName(),
    nameRange: property.getNameRange(),
    value: property.getValue() ?? undefined,
    kind,
    instruction,
    stageIndex,
  }));
}

/** Global ARG declarations starting before `line`. */
export function globalDeclarations(model: DockerfileModel, beforeLine = Number.POSITIVE_INFINITY): VariableDeclaration[] {
  return model.globalInstructions
    .filter((instruction) => instruction.getRange().start.line < beforeLine)
    .flatMap((instruction) => declarationsOf(instruction, -1));
}

const parentCache = new WeakMap<Stage, Stage | null>();

/** The stage a stage builds on (`FROM <earlier stage>`), if any; cached, as reading the image is not cheap. */
export function parentStage(model: DockerfileModel, stage: Stage): Stage | undefined {
  let parent = parentCache.get(stage);
  if (parent === undefined) {
    const image = stage.from.getImage();
    parent = (image ? findStageByName(model, image, stage.index) : undefined) ?? null;
    parentCache.set(stage, parent);
  }
  return parent ?? undefined;
}

/**
 * Declarations visible at `position`, in the order they take effect (a later one with the same name wins).
 * `position` inside a FROM instruction sees the global ARGs.
 */
export function visibleDeclarations(model: DockerfileModel, position: Position): VariableDeclaration[] {
  const stage = stageAtLine(model, position.line);
  if (!stage || stage.from.getRange().end.line >= position.line) {
    return globalDeclarations(model, position.line);
  }
  return [...inheritedEnv(model, stage), ...stageDeclarationsBefore(stage, position.line)];
}

function stageDeclarationsBefore(stage: Stage, line: number): VariableDeclaration[] {
  const result: VariableDeclaration[] = [];
  for (const instruction of stage.instructions) {
    if (instruction.getRange().start.line >= line) {
      break;
    }
    result.push(...declarationsOf(instruction, stage.index));
  }
  return result;
}

/** ENV declarations of the ancestors of `stage`, oldest ancestor first (ARGs do not cross stages). */
function inheritedEnv(model: DockerfileModel, stage: Stage): VariableDeclaration[] {
  const chain: Stage[] = [];
  for (let parent = parentStage(model, stage); parent && chain.length < model.stages.length; parent = parentStage(model, parent)) {
    chain.push(parent);
  }
  return chain.reverse().flatMap(envDeclarationsOf);
}

const envCache = new WeakMap<Stage, VariableDeclaration[]>();

/** Every ENV declaration of a stage (cached per parsed stage: long FROM chains read them often). */
function envDeclarationsOf(stage: Stage): VariableDeclaration[] {
  let declarations = envCache.get(stage);
  if (!declarations) {
    declarations = stage.instructions.filter((instruction) => instruction instanceof Env).flatMap((instruction) => declarationsOf(instruction, stage.index));
    envCache.set(stage, declarations);
  }
  return declarations;
}

/** The declaration a reference to `name` at `position` resolves to (the last visible one), if any. */
export function resolveVariable(model: DockerfileModel, name: string, position: Position): VariableDeclaration | undefined {
  const visible = visibleDeclarations(model, position);
  for (let index = visible.length - 1; index >= 0; index -= 1) {
    const declaration = visible[index];
    if (declaration?.name === name) {
      return declaration;
    }
  }
  return undefined;
}
