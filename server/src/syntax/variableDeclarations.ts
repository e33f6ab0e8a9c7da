/**
 * The names an ARG or ENV instruction declares, with where each name is written, its value, its kind
 * and its stage: read once per parsed instruction (see declarationWords.ts) and shared by every
 * feature that needs them (scope, symbols, occurrences, diagnostics).
 */
import { Arg, Env, type Instruction } from 'dockerfile-ast';
import type { Range } from 'vscode-languageserver';
import { stageAtLine, type DockerfileModel } from '../semantics/model';
import { readDeclared } from './declarationWords';

/** One declared variable (a `name[=value]` of an ARG or ENV instruction). */
export interface VariableDeclaration {
  readonly name: string;
  readonly nameRange: Range;
  /** Without quotes and escapes; undefined for `ARG NAME` without a value. */
  readonly value: string | undefined;
  /** The value as written (quotes and escapes kept). */
  readonly rawValue: string | undefined;
  readonly kind: 'ARG' | 'ENV';
  readonly instruction: Instruction;
  /** Stage index, or -1 for a global ARG. */
  readonly stageIndex: number;
}

const declarationCache = new WeakMap<Instruction, VariableDeclaration[]>();

/** The declarations made by one instruction (empty unless ARG or ENV); cached per parsed instruction. */
export function declarationsOf(model: DockerfileModel, instruction: Instruction): VariableDeclaration[] {
  if (!(instruction instanceof Arg) && !(instruction instanceof Env)) {
    return [];
  }
  let declarations = declarationCache.get(instruction);
  if (!declarations) {
    // Before the first FROM there is no stage: a global ARG.
    const stageIndex = stageAtLine(model, instruction.getRange().start.line)?.index ?? -1;
    declarations = readDeclarations(model, instruction, stageIndex);
    declarationCache.set(instruction, declarations);
  }
  return declarations;
}

function readDeclarations(model: DockerfileModel, instruction: Arg | Env, stageIndex: number): VariableDeclaration[] {
  const kind: 'ARG' | 'ENV' = instruction instanceof Arg ? 'ARG' : 'ENV';
  return readDeclared(model, instruction).map((declared) => ({ ...declared, kind, instruction, stageIndex }));
}
