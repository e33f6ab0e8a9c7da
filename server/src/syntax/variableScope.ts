/**
 * Which ARG/ENV declarations are visible where: global ARGs (before the first FROM) in FROM lines;
 * inside a stage, the stage's own ARG/ENV declared earlier plus the ENV of the stages it builds on.
 * A global ARG is visible in a stage only through a redeclaring `ARG NAME` in that stage.
 */
import { Arg, Env, type Instruction } from 'dockerfile-ast';
import type { Position, Range } from 'vscode-languageserver';
import { lookupPredefinedArg, type PredefinedArg } from '../docs/predefinedArgs';
import { stageAtLine, type DockerfileModel } from '../semantics/model';
import type { Stage } from '../semantics/stages';

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

/** The stage a stage builds on (`FROM <earlier stage>`, global ARGs expanded), if any: the model's own base. */
export function parentStage(model: DockerfileModel, stage: Stage): Stage | undefined {
  return stage.base.kind === 'stage' ? model.stages[stage.base.index] : undefined;
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

/** What a `$NAME` reference resolves to, as hover explains it. */
export type VariableResolution =
  | { readonly kind: 'defined'; readonly definition: VariableDeclaration; readonly globalDefault?: VariableDeclaration }
  | { readonly kind: 'predefined'; readonly arg: PredefinedArg; readonly declaration?: VariableDeclaration; readonly needsDeclaration: boolean }
  /** Declared only in the global scope, which a stage sees only through its own `ARG NAME`. */
  | { readonly kind: 'globalOnly'; readonly definition: VariableDeclaration }
  | { readonly kind: 'undefined' };

function lastNamed(declarations: readonly VariableDeclaration[], name: string): VariableDeclaration | undefined {
  for (let index = declarations.length - 1; index >= 0; index -= 1) {
    const declaration = declarations[index];
    if (declaration?.name === name) {
      return declaration;
    }
  }
  return undefined;
}

/**
 * Resolves `name` referenced by the instruction starting on `referenceLine`, with Docker's scoping
 * (the visibility rules of visibleDeclarations), and tells apart the cases hover explains: a stage's
 * `ARG NAME` without a value taking the global default, a predefined ARG, a global ARG the stage did
 * not redeclare.
 */
export function explainVariable(model: DockerfileModel, name: string, referenceLine: number): VariableResolution {
  const global = lastNamed(globalDeclarations(model, referenceLine), name);
  const predefined = lookupPredefinedArg(name);
  const stage = stageAtLine(model, referenceLine);
  // FROM lines themselves are evaluated in the global scope.
  if (!stage || stage.from.getRange().end.line >= referenceLine) {
    if (global) {
      return { kind: 'defined', definition: global };
    }
    return predefined ? { kind: 'predefined', arg: predefined, needsDeclaration: false } : { kind: 'undefined' };
  }
  const local = lastNamed(visibleDeclarations(model, { line: referenceLine, character: 0 }), name);
  if (local) {
    if (local.kind === 'ARG' && local.value === undefined) {
      if (predefined) {
        return { kind: 'predefined', arg: predefined, declaration: local, needsDeclaration: false };
      }
      return global ? { kind: 'defined', definition: local, globalDefault: global } : { kind: 'defined', definition: local };
    }
    return { kind: 'defined', definition: local };
  }
  if (predefined) {
    return { kind: 'predefined', arg: predefined, needsDeclaration: predefined.group !== 'proxy' };
  }
  return global ? { kind: 'globalOnly', definition: global } : { kind: 'undefined' };
}
