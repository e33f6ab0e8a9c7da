import { PropertyInstruction, type Dockerfile, type Instruction } from 'dockerfile-ast';
import { lookupPredefinedArg, type PredefinedArg } from '../../docs/predefinedArgs';
import { stageAtLine, stageResolver, type BuildStage } from './stages';

/** A variable set by one ARG or ENV instruction. */
export interface VariableDefinition {
  readonly name: string;
  readonly kind: 'ARG' | 'ENV';
  /** The value as written after `=`, or null for `ARG NAME` without a default. */
  readonly value: string | null;
  readonly instruction: Instruction;
}

/** What a `$NAME` reference at a given line resolves to. */
export type VariableResolution =
  | { readonly kind: 'defined'; readonly definition: VariableDefinition; readonly globalDefault?: VariableDefinition }
  | { readonly kind: 'predefined'; readonly arg: PredefinedArg; readonly declaration?: VariableDefinition; readonly needsDeclaration: boolean }
  | { readonly kind: 'globalOnly'; readonly definition: VariableDefinition }
  | { readonly kind: 'undefined' };

function definitionsOf(instruction: Instruction): VariableDefinition[] {
  const kind = instruction.getKeyword();
  if ((kind !== 'ARG' && kind !== 'ENV') || !(instruction instanceof PropertyInstruction)) {
    return [];
  }
  return instruction.getProperties().map((property) => ({ name: property.getName(), kind, value: property.getValue(), instruction }));
}

function lineOf(instruction: Instruction): number {
  return instruction.getRange().start.line;
}

function lastNamed(definitions: readonly VariableDefinition[], name: string): VariableDefinition | undefined {
  return definitions.filter((definition) => definition.name === name).at(-1);
}

/**
 * Definitions made by instructions starting on lines [fromLine, toLine). A binary search over the
 * ordered instructions keeps a hover on a huge file from visiting every line.
 */
function definitionsBetween(instructions: readonly Instruction[], fromLine: number, toLine: number): VariableDefinition[] {
  let low = 0;
  let high = instructions.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (lineOf(instructions[middle] as Instruction) < fromLine) {
      low = middle + 1;
    } else {
      high = middle;
    }
  }
  const found: VariableDefinition[] = [];
  for (let index = low; index < instructions.length; index += 1) {
    const instruction = instructions[index] as Instruction;
    if (lineOf(instruction) >= toLine) {
      break;
    }
    found.push(...definitionsOf(instruction));
  }
  return found;
}

/** ARG/ENV definitions of one stage that come before `beforeLine` (the same instruction sees only older values). */
function stageDefinitions(instructions: readonly Instruction[], stages: readonly BuildStage[], stage: BuildStage, beforeLine: number): VariableDefinition[] {
  const next = stages[stage.index + 1];
  const end = Math.min(beforeLine, next ? next.startLine : Number.MAX_SAFE_INTEGER);
  return definitionsBetween(instructions, stage.startLine + 1, end);
}

/**
 * ENV values a stage inherits when its FROM names an earlier stage (ARGs are never inherited),
 * oldest ancestor first. Iterative with a name index, so a chain of thousands of `FROM previous`
 * stages costs one pass instead of deep recursion over repeated scans.
 */
function inheritedEnv(instructions: readonly Instruction[], stages: readonly BuildStage[], stage: BuildStage): VariableDefinition[] {
  const resolve = stageResolver(stages);
  const chain: BuildStage[] = [];
  for (let current = stage; chain.length < stages.length; ) {
    const base = current.from.getImageName();
    const parent = base ? resolve(base, current.startLine) : undefined;
    if (!parent) {
      break;
    }
    chain.push(parent);
    current = parent;
  }
  return chain.reverse().flatMap((ancestor) => stageDefinitions(instructions, stages, ancestor, Number.MAX_SAFE_INTEGER).filter((definition) => definition.kind === 'ENV'));
}

/**
 * Resolves `name` referenced by the instruction starting on `referenceLine`, with Docker's scoping:
 * an ARG before the first FROM is global (visible in FROM lines, and inside a stage only once
 * redeclared there); ARG and ENV inside a stage are visible from the next instruction to the end
 * of that stage; a stage built FROM another stage inherits its ENV.
 */
export function resolveVariable(dockerfile: Dockerfile, stages: readonly BuildStage[], name: string, referenceLine: number): VariableResolution {
  const instructions = dockerfile.getInstructions();
  const firstFromLine = stages[0]?.startLine ?? Number.MAX_SAFE_INTEGER;
  const globals = definitionsBetween(instructions, 0, Math.min(firstFromLine, referenceLine));
  const global = lastNamed(globals, name);
  const predefined = lookupPredefinedArg(name);
  // FROM lines themselves are evaluated in the global scope.
  const onFromLine = stages.some((candidate) => candidate.startLine === referenceLine);
  const stage = onFromLine ? undefined : stageAtLine(stages, referenceLine);

  if (!stage) {
    if (global) {
      return { kind: 'defined', definition: global };
    }
    return predefined ? { kind: 'predefined', arg: predefined, needsDeclaration: false } : { kind: 'undefined' };
  }

  const visible = [...inheritedEnv(instructions, stages, stage), ...stageDefinitions(instructions, stages, stage, referenceLine)];
  const local = lastNamed(visible, name);
  if (local) {
    if (local.kind === 'ARG' && local.value === null) {
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
