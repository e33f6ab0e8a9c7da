/**
 * Every place a build-stage name or an ARG/ENV variable is declared or used, grouped by what it
 * refers to (a "key"). Built once per parsed version in a single pass: stages in order, each keeping
 * the map of the names declared so far, so the cost stays linear in the file size.
 *
 * Variable keys: `g:NAME` for global ARGs (and stage `ARG NAME` redeclaring one), `s<i>:NAME` for a
 * variable first declared in stage i (a stage built `FROM <stage>` uses the keys of the ARG and ENV it
 * inherits, as variableScope resolves them),
 * `u<i>:NAME` for uses that resolve to nothing declared (e.g. predefined build args). Here-document
 * names pair the `<<NAME` with its closing delimiter.
 */
import { Copy, Run, type Instruction } from 'dockerfile-ast';
import type { Position, Range } from 'vscode-languageserver';
import { isCommentLine, lineText } from './lines';
import { findStageByName, type DockerfileModel } from '../semantics/model';
import { lastIndexStartingAtOrBefore } from '../util/sortedByLine';
import type { Stage } from '../semantics/stages';
import { heredocSpansOf, heredocsOf, type HeredocSpan } from '../semantics/heredocs';
import { scanVariableReferences } from './variableReferences';
import { declarationsOf, type VariableDeclaration } from './variableDeclarations';
import { stageScope } from './variableScope';

/** One declaration or use of a stage name or variable. */
export interface Occurrence {
  readonly symbol: 'stage' | 'variable' | 'heredoc';
  readonly name: string;
  readonly range: Range;
  readonly isDeclaration: boolean;
  /** What it refers to; occurrences with equal keys are the same symbol. */
  readonly key: string;
  /** False for uses that cannot be renamed (a stage referenced by its index). */
  readonly renamable: boolean;
}

/** The occurrence index of one parsed version. */
export interface OccurrenceIndex {
  readonly all: readonly Occurrence[];
  byKey(key: string): readonly Occurrence[];
  /** The occurrence whose range holds `position` (end included). */
  at(position: Position): Occurrence | undefined;
}

const cache = new WeakMap<DockerfileModel, OccurrenceIndex>();

/** The occurrence index of a model, built on first use. */
export function getOccurrences(model: DockerfileModel): OccurrenceIndex {
  let index = cache.get(model);
  if (!index) {
    index = buildIndex(model);
    cache.set(model, index);
  }
  return index;
}

/** The key of stage `index`. */
export function stageKey(index: number): string {
  return `stage:${index}`;
}

function buildIndex(model: DockerfileModel): OccurrenceIndex {
  const all: Occurrence[] = [];
  const globals = new Map<string, string>();
  for (const instruction of model.globalInstructions) {
    all.push(...variableUses(model, instruction, globals, 'u-1'));
    for (const declaration of declarationsOf(model, instruction)) {
      const key = `g:${declaration.name}`;
      globals.set(declaration.name, key);
      all.push({ symbol: 'variable', name: declaration.name, range: declaration.nameRange, isDeclaration: true, key, renamable: true });
    }
  }
  const keyOf = new Map<VariableDeclaration, string>();
  for (const stage of model.stages) {
    all.push(...stageUses(model, stage));
    all.push(...variableUses(model, stage.from, globals, 'u-1'));
    walkStage(model, stage, { globals, keyOf }, all);
  }
  all.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  const keyed = new Map<string, Occurrence[]>();
  for (const occurrence of all) {
    const list = keyed.get(occurrence.key) ?? [];
    list.push(occurrence);
    keyed.set(occurrence.key, list);
  }
  return {
    all,
    byKey: (key) => keyed.get(key) ?? [],
    at: (position) => occurrenceAt(all, position),
  };
}

/** Keys given so far: global ARGs by name, and every declaration of the stages already walked. */
interface Keys {
  readonly globals: ReadonlyMap<string, string>;
  readonly keyOf: Map<VariableDeclaration, string>;
}

/** Walks a stage's instructions after its FROM; a name not declared in the stage yet takes the key of what it inherits. */
function walkStage(model: DockerfileModel, stage: Stage, keys: Keys, out: Occurrence[]): void {
  const inherited = stageScope(model, stage).inherited;
  // Names declared in this stage so far (ARG and ENV).
  const local = new Map<string, string>();
  const inheritedKey = (name: string): string | undefined => {
    const declaration = inherited?.lookup(name);
    return declaration && keys.keyOf.get(declaration);
  };
  const scope = { get: (name: string): string | undefined => local.get(name) ?? inheritedKey(name) };
  for (const instruction of stage.instructions) {
    out.push(...variableUses(model, instruction, scope, `u${stage.index}`));
    out.push(...heredocNames(model, instruction));
    for (const declaration of declarationsOf(model, instruction)) {
      const linkedGlobal = declaration.kind === 'ARG' ? keys.globals.get(declaration.name) : undefined;
      const key = linkedGlobal ?? scope.get(declaration.name) ?? `s${stage.index}:${declaration.name}`;
      local.set(declaration.name, key);
      keys.keyOf.set(declaration, key);
      out.push({ symbol: 'variable', name: declaration.name, range: declaration.nameRange, isDeclaration: true, key, renamable: true });
    }
  }
}

/** `$NAME` uses in an instruction's text (comment lines and here-document bodies skipped). */
function variableUses(model: DockerfileModel, instruction: Instruction, scope: { get(name: string): string | undefined }, unresolvedPrefix: string): Occurrence[] {
  const range = instruction.getRange();
  // Bodies whose `$NAME` is not a build variable (a quoted COPY/ADD here-document) are skipped.
  const bodies = heredocSpansOf(model, instruction);
  const literalBodies = bodies.filter((body) => !body.expandsVariables);
  const found: Occurrence[] = [];
  for (let line = range.start.line; line <= range.end.line; line += 1) {
    if (insideBody(literalBodies, line)) {
      continue;
    }
    const text = lineText(model.document, line);
    if (line !== range.start.line && isCommentLine(text) && !insideBody(bodies, line)) {
      continue;
    }
    const from = line === range.start.line ? instruction.getInstructionRange().end.character : 0;
    const to = line === range.end.line ? range.end.character : text.length;
    for (const reference of scanVariableReferences(text.slice(from, to), model.escapeChar)) {
      found.push({
        symbol: 'variable',
        name: reference.name,
        range: { start: { line, character: from + reference.start }, end: { line, character: from + reference.end } },
        isDeclaration: false,
        key: scope.get(reference.name) ?? `${unresolvedPrefix}:${reference.name}`,
        renamable: true,
      });
    }
  }
  return found;
}

function insideBody(bodies: readonly HeredocSpan[], line: number): boolean {
  return bodies.some((body) => line >= body.first && line <= body.last);
}

/** A here-document's name after `<<` (the declaration) and its closing delimiter (the use). */
function heredocNames(model: DockerfileModel, instruction: Instruction): Occurrence[] {
  return heredocsOf(model, instruction).flatMap((heredoc) => {
    const { name, nameRange, delimiterRange } = heredoc;
    const key = `heredoc:${nameRange.start.line}:${nameRange.start.character}`;
    // A delimiter written in pieces (`E"O"F`, `EO\F`) cannot be renamed by replacing it with a new name.
    const renamable = model.document.getText(nameRange) === name;
    const found: Occurrence[] = [{ symbol: 'heredoc', name, range: nameRange, isDeclaration: true, key, renamable }];
    if (delimiterRange) {
      found.push({ symbol: 'heredoc', name, range: delimiterRange, isDeclaration: false, key, renamable });
    }
    return found;
  });
}

/** The stage's own name and the stage names it uses: `FROM <stage>`, `COPY --from=`, `RUN --mount=from=`. */
function stageUses(model: DockerfileModel, stage: Stage): Occurrence[] {
  const found: Occurrence[] = [];
  if (stage.writtenName !== undefined && stage.nameRange) {
    found.push({ symbol: 'stage', name: stage.writtenName, range: stage.nameRange, isDeclaration: true, key: stageKey(stage.index), renamable: true });
  }
  const use = (name: string, range: Range | null): void => {
    if (!range || name.length === 0) {
      return;
    }
    const byIndex = /^\d+$/.test(name) ? model.stages[Number(name)] : undefined;
    const target = byIndex && byIndex.index < stage.index ? byIndex : findStageByName(model, name, stage.index);
    if (target) {
      found.push({ symbol: 'stage', name, range, isDeclaration: false, key: stageKey(target.index), renamable: byIndex === undefined });
    }
  };
  use(stage.from.getImage() ?? '', stage.from.getImageRange());
  for (const instruction of stage.instructions) {
    if (instruction instanceof Copy) {
      const flag = instruction.getFlags().find((candidate) => candidate.getName() === 'from');
      use(flag?.getValue() ?? '', flag?.getValueRange() ?? null);
    } else if (instruction instanceof Run) {
      for (const mount of instruction.getFlags().filter((candidate) => candidate.getName() === 'mount')) {
        const option = mount.getOption('from');
        use(option?.getValue() ?? '', option?.getValueRange() ?? null);
      }
    }
  }
  return found;
}

function occurrenceAt(all: readonly Occurrence[], position: Position): Occurrence | undefined {
  // Several occurrences can share a line: start at the last one and scan back over that line.
  let index = lastIndexStartingAtOrBefore(all, position.line, (occurrence) => occurrence.range.start.line);
  while (index >= 0) {
    const occurrence = all[index];
    if (!occurrence || occurrence.range.start.line !== position.line) {
      return undefined;
    }
    const { start, end } = occurrence.range;
    if (start.character <= position.character && position.character <= end.character) {
      return occurrence;
    }
    index -= 1;
  }
  return undefined;
}
