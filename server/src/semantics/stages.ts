import type { Dockerfile, From, Instruction } from 'dockerfile-ast';
import type { Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { parseCommandForm, type CommandForm } from './commandForm';
import { logicalArguments } from './instructionText';
import { readDeclared, type DeclarationSource } from '../syntax/declarationWords';
import { nodeCache } from '../syntax/nodeCache';

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
  /** The `AS` name as written. */
  readonly writtenName: string | undefined;
  /** The `--platform` value as written, if any. */
  readonly platform: string | undefined;
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
export function buildStages(document: TextDocument, dockerfile: Dockerfile, instructions: readonly Instruction[], lines: readonly string[]): Stage[] {
  const escapeChar = dockerfile.getEscapeCharacter();
  const globalArgs = globalArgDefaults(dockerfile, { lines, escapeChar });
  const stageIndexByName = new Map<string, number>();
  const stages: MutableStage[] = [];
  let current: MutableStage | undefined;
  for (const instruction of instructions) {
    const keyword = instruction.getKeyword();
    if (keyword === 'FROM') {
      current = startStage(document, instruction as From, escapeChar, { count: stages.length, byName: stageIndexByName }, globalArgs);
      stages.push(current);
      // The first stage of a name wins when a later FROM refers to it.
      if (current.name !== undefined && !stageIndexByName.has(current.name)) {
        stageIndexByName.set(current.name, current.index);
      }
      continue;
    }
    if (!current) {
      continue;
    }
    current.instructions.push(instruction);
    if (keyword === 'CMD' || keyword === 'ENTRYPOINT' || keyword === 'SHELL') {
      const form = commandFormOf(document, instruction, escapeChar);
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
  // A stage reaches to the end of its last instruction: one range per stage, not one per instruction.
  for (const stage of stages) {
    const last = stage.instructions[stage.instructions.length - 1];
    if (last) {
      stage.range = { start: stage.range.start, end: last.getRange().end };
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

function startStage(
  document: TextDocument,
  from: From,
  escapeChar: string,
  earlier: EarlierStages,
  globalArgs: ReadonlyMap<string, string>,
): MutableStage {
  const head = fromHeadOf(document, from, escapeChar);
  return {
    index: earlier.count,
    name: head.name?.toLowerCase(),
    writtenName: head.name,
    platform: head.platform,
    nameRange: head.name ? stageNameRange(document, from, head.name) : undefined,
    from,
    base: resolveBase(head.image, earlier, globalArgs),
    range: from.getRange(),
    instructions: [],
    cmds: [],
    entrypoints: [],
    shells: [],
    healthchecks: [],
    currentShell: undefined,
  };
}

/** The parts of `FROM [--platform=p] image [AS name]` (the syntax tree's accessors are slow on large files). */
export function parseFromArguments(text: string): { image: string | undefined; name: string | undefined; platform: string | undefined } {
  const words = text.split(/\s+/).filter(Boolean);
  const flags = words.filter((word) => word.startsWith('--'));
  const rest = words.filter((word) => !word.startsWith('--'));
  const platform = flags.find((flag) => flag.toLowerCase().startsWith('--platform='))?.slice('--platform='.length);
  const name = rest.length >= 3 && rest[1]?.toLowerCase() === 'as' ? rest[2] : undefined;
  return { image: rest[0], name, platform };
}

/** Where the stage name is written: on the FROM's first line, else wherever the syntax tree says. */
function stageNameRange(document: TextDocument, from: From, name: string): Range | undefined {
  const line = from.getRange().start.line;
  const character = nameColumn(document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }), name);
  if (character >= 0) {
    return { start: { line, character }, end: { line, character: character + name.length } };
  }
  return from.getBuildStageRange() ?? undefined;
}

function nameColumn(text: string, name: string): number {
  const as = /\s[Aa][Ss]\s+/.exec(text);
  const character = as ? as.index + as[0].length : -1;
  return as && text.startsWith(name, character) ? character : -1;
}

type FromHead = ReturnType<typeof parseFromArguments>;

/** The parsed form of a CMD, ENTRYPOINT or SHELL, read once per node. */
const commandFormCache = nodeCache<Instruction, CommandForm>();

function commandFormOf(document: TextDocument, instruction: Instruction, escapeChar: string): CommandForm {
  return commandFormCache.get(instruction, () => parseCommandForm(logicalArguments(document, instruction, escapeChar)));
}

function fromHeadOf(document: TextDocument, from: From, escapeChar: string): FromHead {
  return parseFromArguments(logicalArguments(document, from, escapeChar));
}

/** How many stages precede, and their indexes by lowercase name. */
interface EarlierStages {
  readonly count: number;
  readonly byName: ReadonlyMap<string, number>;
}

function resolveBase(image: string | undefined, earlier: EarlierStages, globalArgs: ReadonlyMap<string, string>): StageBase {
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
  const index = earlier.byName.get(lower);
  return index !== undefined ? { kind: 'stage', index } : { kind: 'image', name: expanded };
}

/** Default values of the ARGs declared before the first FROM (the only ones FROM can use). */
function globalArgDefaults(dockerfile: Dockerfile, source: DeclarationSource): Map<string, string> {
  const defaults = new Map<string, string>();
  for (const arg of dockerfile.getInitialARGs()) {
    for (const { name, value } of readDeclared(source, arg)) {
      if (value !== undefined) {
        defaults.set(name, value);
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
