/**
 * Which ARG/ENV declarations are visible where: the language server's one scope model, read by hover,
 * completion, occurrences (rename) and the UndefinedVar rule, so they cannot disagree. Docker's rules,
 * each checked with BuildKit builds of `FROM scratch` stages and the labels they expand:
 * - global ARGs (before the first FROM) are visible in FROM lines, and inside a stage only through a
 *   redeclaring `ARG NAME` there (which takes the global default);
 * - a stage sees its own ARG/ENV declared earlier, plus every ARG *and* ENV in effect at the end of the
 *   stage it is built `FROM` (and that stage's base, and so on): BuildKit carries both in the stage's
 *   state. Unrelated stages see none of them;
 * - among declarations of one name the later one wins (ARG then ENV: the ENV; ENV then ARG: the ARG,
 *   for the words Docker expands);
 * - platform ARGs (TARGETPLATFORM…) live in the global scope only: FROM reads them without a declaration,
 *   a stage needs `ARG TARGETPLATFORM` (in itself or in a stage it is built on).
 */
import type { Position } from 'vscode-languageserver';
import { lookupPredefinedArg, type PredefinedArg } from '../docs/predefinedArgs';
import { stageAtLine, type DockerfileModel } from '../semantics/model';
import type { Stage } from '../semantics/stages';
import { declarationsOf, type VariableDeclaration } from './variableDeclarations';

/** What one stage declares and what it inherits; built once per parsed stage. */
export interface StageScope {
  readonly stage: Stage;
  /** The scope at the end of the stage this one is built `FROM`, if it is built on a stage. */
  readonly inherited: StageScope | undefined;
  /** The stage's own declarations, in order. */
  readonly own: readonly VariableDeclaration[];
  /** The declaration of `name` in effect at the end of the stage (its own last one, else an inherited one). */
  lookup(name: string): VariableDeclaration | undefined;
}

/**
 * A scope holds only its own last declaration per name and points to its base's scope: a long line of
 * `FROM <previous stage>` costs memory in proportion to the declarations, not their square.
 */
class ChainedScope implements StageScope {
  private readonly lastByName = new Map<string, VariableDeclaration>();

  constructor(
    readonly stage: Stage,
    readonly inherited: ChainedScope | undefined,
    readonly own: readonly VariableDeclaration[],
  ) {
    for (const declaration of own) {
      this.lastByName.set(declaration.name, declaration);
    }
  }

  lookup(name: string): VariableDeclaration | undefined {
    return this.lastByName.get(name) ?? ChainedScope.lookupFrom(this.inherited, name);
  }

  /** A loop, not recursion: a chain can be thousands of stages long. */
  private static lookupFrom(start: ChainedScope | undefined, name: string): VariableDeclaration | undefined {
    for (let scope = start; scope; scope = scope.inherited) {
      const found = scope.lastByName.get(name);
      if (found) {
        return found;
      }
    }
    return undefined;
  }
}

const scopeCache = new WeakMap<Stage, ChainedScope>();

/** The scope of `stage`, built on first use together with the scopes of the stages it is built on. */
export function stageScope(model: DockerfileModel, stage: Stage): StageScope {
  const cached = scopeCache.get(stage);
  if (cached) {
    return cached;
  }
  // The stages not built yet, newest first; a base is always an earlier stage, so this ends.
  const pending: Stage[] = [];
  let inherited: ChainedScope | undefined;
  for (let current: Stage | undefined = stage; current; current = parentStage(model, current)) {
    inherited = scopeCache.get(current);
    if (inherited) {
      break;
    }
    pending.push(current);
  }
  for (const current of pending.reverse()) {
    const own = current.instructions.flatMap((instruction) => declarationsOf(model, instruction));
    inherited = new ChainedScope(current, inherited, own);
    scopeCache.set(current, inherited);
  }
  return inherited as ChainedScope;
}

/** The stage a stage builds on (`FROM <earlier stage>`, global ARGs expanded), if any: the model's own base. */
export function parentStage(model: DockerfileModel, stage: Stage): Stage | undefined {
  return stage.base.kind === 'stage' ? model.stages[stage.base.index] : undefined;
}

/** Every name a scope defines at its end, its own and inherited ones, oldest first (for spelling hints: not on a hot path). */
export function namesAtEnd(scope: StageScope | undefined): Set<string> {
  const chain: StageScope[] = [];
  for (let current = scope; current; current = current.inherited) {
    chain.push(current);
  }
  return new Set(chain.reverse().flatMap((current) => current.own.map((declaration) => declaration.name)));
}

/** Global ARG declarations starting before `line`. */
export function globalDeclarations(model: DockerfileModel, beforeLine = Number.POSITIVE_INFINITY): VariableDeclaration[] {
  return model.globalInstructions
    .filter((instruction) => instruction.getRange().start.line < beforeLine)
    .flatMap((instruction) => declarationsOf(model, instruction));
}

/** True when `line` is read in the global scope: before the first FROM, or inside a FROM instruction. */
function inGlobalScope(stage: Stage | undefined, line: number): boolean {
  return !stage || stage.from.getRange().end.line >= line;
}

/**
 * Declarations visible at `position`, in the order they take effect (a later one with the same name
 * wins): the inherited ones, oldest ancestor first, then the stage's own from instructions starting
 * before the position's line. `position` inside a FROM instruction sees the global ARGs.
 */
export function visibleDeclarations(model: DockerfileModel, position: Position): VariableDeclaration[] {
  const stage = stageAtLine(model, position.line);
  if (!stage || inGlobalScope(stage, position.line)) {
    return globalDeclarations(model, position.line);
  }
  const scope = stageScope(model, stage);
  const ancestors: StageScope[] = [];
  for (let current = scope.inherited; current; current = current.inherited) {
    ancestors.push(current);
  }
  return [...ancestors.reverse().flatMap((ancestor) => ancestor.own), ...ownBefore(scope, position.line)];
}

function ownBefore(scope: StageScope, line: number): VariableDeclaration[] {
  const end = scope.own.findIndex((declaration) => declaration.instruction.getRange().start.line >= line);
  return end < 0 ? [...scope.own] : scope.own.slice(0, end);
}

/** The declaration `name` resolves to inside a stage, for a reference in the instruction starting on `line`. */
function resolveInStage(scope: StageScope, name: string, line: number): VariableDeclaration | undefined {
  for (let index = scope.own.length - 1; index >= 0; index -= 1) {
    const declaration = scope.own[index];
    if (declaration && declaration.name === name && declaration.instruction.getRange().start.line < line) {
      return declaration;
    }
  }
  return scope.inherited?.lookup(name);
}

/**
 * The declaration whose value a valueless `ARG NAME` keeps: the closest earlier declaration of the name
 * with a value, in its own stage or in a stage that one is built on.
 */
function earlierValueOf(scope: StageScope, declaration: VariableDeclaration): VariableDeclaration | undefined {
  let current: VariableDeclaration | undefined = declaration;
  let owner: StageScope | undefined = scope;
  while (current && current.kind === 'ARG' && current.value === undefined) {
    while (owner && owner.stage.index !== current.stageIndex) {
      owner = owner.inherited;
    }
    if (!owner) {
      return undefined;
    }
    const index = owner.own.indexOf(current);
    const name: string = current.name;
    current = lastNamed(owner.own.slice(0, index), name) ?? owner.inherited?.lookup(name);
  }
  return current === declaration ? undefined : current;
}

/** What a `$NAME` reference resolves to, as hover explains it. */
export type VariableResolution =
  | {
      readonly kind: 'defined';
      readonly definition: VariableDeclaration;
      /** `ARG NAME` without a value takes the global ARG's default when there is one... */
      readonly globalDefault?: VariableDeclaration;
      /** ...and otherwise keeps the value an earlier declaration (in the stage or inherited) set. */
      readonly earlierValue?: VariableDeclaration;
    }
  | {
      readonly kind: 'predefined';
      readonly arg: PredefinedArg;
      readonly declaration?: VariableDeclaration;
      /** The declaration is in a stage this one is built `FROM`. */
      readonly declaredInBaseStage?: boolean;
      readonly needsDeclaration: boolean;
    }
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
 * Resolves `name` referenced by the instruction starting on `referenceLine`, with Docker's scoping,
 * and tells apart the cases hover explains: an `ARG NAME` without a value taking the global default, a
 * predefined ARG, a global ARG the stage did not redeclare.
 */
export function explainVariable(model: DockerfileModel, name: string, referenceLine: number): VariableResolution {
  const global = lastNamed(globalDeclarations(model, referenceLine), name);
  const predefined = lookupPredefinedArg(name);
  const stage = stageAtLine(model, referenceLine);
  if (!stage || inGlobalScope(stage, referenceLine)) {
    if (global) {
      return { kind: 'defined', definition: global };
    }
    return predefined ? { kind: 'predefined', arg: predefined, needsDeclaration: false } : { kind: 'undefined' };
  }
  const local = resolveInStage(stageScope(model, stage), name, referenceLine);
  if (local) {
    if (local.kind === 'ARG' && local.value === undefined) {
      if (predefined) {
        return { kind: 'predefined', arg: predefined, declaration: local, declaredInBaseStage: local.stageIndex !== stage.index, needsDeclaration: false };
      }
      if (global) {
        return { kind: 'defined', definition: local, globalDefault: global };
      }
      const earlier = earlierValueOf(stageScope(model, stage), local);
      return earlier ? { kind: 'defined', definition: local, earlierValue: earlier } : { kind: 'defined', definition: local };
    }
    return { kind: 'defined', definition: local };
  }
  if (predefined) {
    return { kind: 'predefined', arg: predefined, needsDeclaration: predefined.group !== 'proxy' };
  }
  return global ? { kind: 'globalOnly', definition: global } : { kind: 'undefined' };
}
