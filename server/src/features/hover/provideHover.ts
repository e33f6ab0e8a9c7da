import { Onbuild, type Dockerfile, type Instruction } from 'dockerfile-ast';
import type { Hover, Position } from 'vscode-languageserver';
import type { ParsedDocument } from '../../documentStore';
import type { DocLocale } from '../../docs';
import type { ImageConfigLookup } from '../../semantics/imageConfig';
import { effectiveCommandHover } from '../../semantics/effectiveCommandHover';
import { contains, isBefore } from '../../util/ranges';
import { argumentHover } from './argumentHover';
import { directiveHover } from './directiveHover';
import { flagHover } from './flagHover';
import { keywordHover, type EffectiveCommandExplainer } from './keywordHover';
import { listStages, type BuildStage } from './stages';
import { variableHover } from './variableHover';

/** Context shared by all hover providers. */
export interface HoverContext {
  readonly locale: DocLocale;
  /** The client's answers about external base images, so the effective command can name them. */
  readonly lookup?: ImageConfigLookup;
  /** Replaces the semantics' effective-command explanation (tests); the real one by default. */
  readonly explainEffectiveCommand?: EffectiveCommandExplainer;
}

/** The instruction whose range holds `position`; a binary search, since hover must stay fast on huge files. */
export function instructionAt(dockerfile: Dockerfile, position: Position): Instruction | undefined {
  const instructions = dockerfile.getInstructions();
  let low = 0;
  let high = instructions.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const candidate = instructions[middle];
    if (!candidate) {
      return undefined;
    }
    const range = candidate.getRange();
    if (isBefore(position, range.start)) {
      high = middle - 1;
    } else if (isBefore(range.end, position)) {
      low = middle + 1;
    } else {
      return candidate;
    }
  }
  return undefined;
}

/** Inside `ONBUILD <instruction>`, the trigger instruction is what the cursor is on (unless on ONBUILD itself). */
function innermost(instruction: Instruction, position: Position): Instruction {
  if (instruction instanceof Onbuild && !contains(instruction.getInstructionRange(), position)) {
    const trigger = instruction.getTriggerInstruction();
    if (trigger && contains(trigger.getRange(), position)) {
      return trigger;
    }
  }
  return instruction;
}

/**
 * Hover for the token under the cursor: parser directives, instruction keywords, flags and mount
 * types, variable references, stage names and `HEALTHCHECK NONE`. Null anywhere else.
 */
export function provideHover(parsed: ParsedDocument, position: Position, context: HoverContext): Hover | null {
  const directive = directiveHover(parsed, position, context.locale);
  if (directive) {
    return directive;
  }
  const found = instructionAt(parsed.dockerfile, position);
  if (!found) {
    return null;
  }
  const instruction = innermost(found, position);
  let stages: readonly BuildStage[] | undefined;
  const lazyStages = (): readonly BuildStage[] => (stages ??= listStages(parsed.dockerfile));
  const { locale, lookup } = context;
  const explain = context.explainEffectiveCommand ?? ((doc, at, language) => effectiveCommandHover(doc, at, language, lookup));
  return (
    keywordHover(parsed, instruction, position, locale, explain) ??
    variableHover(parsed, instruction, position, locale, lazyStages) ??
    flagHover(parsed, instruction, position, locale, lazyStages) ??
    argumentHover(parsed, instruction, position, locale, lazyStages)
  );
}
