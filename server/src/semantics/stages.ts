import type { Dockerfile, From, Instruction } from 'dockerfile-ast';
import type { Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { parseCommandForm, type CommandForm } from './commandForm';
import { logicalArguments } from './instructionText';

/** Where a stage starts from. */
export type StageBase =
  | { readonly kind: 'scratch' }
  /** An earlier stage of this file, by index. */
  | { readonly kind: 'stage'; readonly index: number }
  /** An image from outside the file (its configuration is unknown unless the client tells us). */
  | { readonly kind: 'image'; readonly name: string }
  /** `FROM` with no usable image reference. */
  | { readonly kind: 'missing' };

/** A CMD, ENTRYPOINT or SHELL instruction with its parsed form. */
export interface FormInstruction {
  readonly instruction: Instruction;
  readonly keyword: 'CMD' | 'ENTRYPOINT' | 'SHELL';
  readonly form: CommandForm;
  /** The SHELL in effect at this instruction within the stage (undefined: the inherited one). */
  readonly shell: readonly string[] | undefined;
}

/** One build stage: from its FROM to the next. */
export interface Stage {
  readonly index: number;
  /** The `AS` name, lowercased as Docker compares it. */
  readonly name: string | undefined;
  readonly nameRange: Range | undefined;
  readonly from: From;
  readonly base: StageBase;
  readonly range: Range;
  /** Instructions after FROM, in order. */
  readonly instructions: readonly Instruction[];
  readonly cmds: readonly FormInstruction[];
  readonly entrypoints: readonly FormInstruction[];
  readonly shells: readonly FormInstruction[];
  readonly healthchecks: readonly Instruction[];
}

/** Splits a parsed Dockerfile into stages and reads their CMD/ENTRYPOINT/SHELL/HEALTHCHECK. */
export function buildStages(document: TextDocument, dockerfile: Dockerfile, instructions: readonly Instruction[]): Stage[] {
  const escapeChar = dockerfile.getEscapeCharacter();
  const globalArgs = globalArgDefaults(dockerfile);
  const stages: Stage[] = [];
  let current: MutableStage | undefined;
  for (const instruction of instructions) {
    const keyword = instruction.getKeyword();
    if (keyword === 'FROM') {
      current = startStage(instruction as From, stages, globalArgs);
      stages.push(current);
      continue;
    }
    if (!current) {
      continue;
    }
    current.instructions.push(instruction);
    current.range = { start: current.range.start, end: instruction.getRange().end };
    if (keyword === 'CMD' || keyword === 'ENTRYPOINT' || keyword === 'SHELL') {
      const form = parseCommandForm(logicalArguments(document, instruction, escapeChar));
      const entry: FormInstruction = { instruction, keyword, form, shell: current.currentShell };
      if (keyword === 'SHELL') {
        current.shells.push(entry);
        current.currentShell = form.kind === 'exec' ? form.argv : current.currentShell;
      } else {
        (keyword === 'CMD' ? current.cmds : current.entrypoints).push(entry);
      }
    } else if (keyword === 'HEALTHCHECK') {
      current.healthchecks.push(instruction);
    }
  }
  return stages;
}

interface MutableStage extends Stage {
  range: Range;
  readonly instructions: Instruction[];
  readonly cmds: FormInstruction[];
  readonly entrypoints: FormInstruction[];
  readonly shells: FormInstruction[];
  readonly healthchecks: Instruction[];
  currentShell: readonly string[] | undefined;
}

function startStage(from: From, earlier: readonly Stage[], globalArgs: ReadonlyMap<string, string>): MutableStage {
  const name = from.getBuildStage()?.toLowerCase() ?? undefined;
  return {
    index: earlier.length,
    name,
    nameRange: from.getBuildStageRange() ?? undefined,
    from,
    base: resolveBase(from, earlier, globalArgs),
    range: from.getRange(),
    instructions: [],
    cmds: [],
    entrypoints: [],
    shells: [],
    healthchecks: [],
    currentShell: undefined,
  };
}

function resolveBase(from: From, earlier: readonly Stage[], globalArgs: ReadonlyMap<string, string>): StageBase {
  const image = from.getImage();
  if (!image) {
    return { kind: 'missing' };
  }
  const expanded = expandGlobalArgs(image, globalArgs);
  if (expanded === undefined || expanded === '') {
    return { kind: 'image', name: image };
  }
  const lower = expanded.toLowerCase();
  if (lower === 'scratch') {
    return { kind: 'scratch' };
  }
  const stage = earlier.find((candidate) => candidate.name === lower);
  return stage ? { kind: 'stage', index: stage.index } : { kind: 'image', name: expanded };
}

/** Default values of the ARGs declared before the first FROM (the only ones FROM can use). */
function globalArgDefaults(dockerfile: Dockerfile): Map<string, string> {
  const defaults = new Map<string, string>();
  for (const arg of dockerfile.getInitialARGs()) {
    for (const property of arg.getProperties()) {
      const value = property.getValue();
      if (value !== null) {
        defaults.set(property.getName(), value);
      }
    }
  }
  return defaults;
}

/** Substitutes `$X`, `${X}` and `${X:-default}` from the global ARG defaults; undefined if one is unknown. */
export function expandGlobalArgs(text: string, defaults: ReadonlyMap<string, string>): string | undefined {
  let unknown = false;
  const result = text.replace(/\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g, (_match, braced?: string, fallback?: string, bare?: string) => {
    const value = defaults.get(braced ?? bare ?? '');
    if (value !== undefined && value !== '') {
      return value;
    }
    if (fallback !== undefined) {
      return fallback;
    }
    unknown = true;
    return '';
  });
  return unknown ? undefined : result;
}
