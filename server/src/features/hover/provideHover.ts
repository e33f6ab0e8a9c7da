import { Onbuild, type Instruction } from 'dockerfile-ast';
import type { Hover, Position } from 'vscode-languageserver';
import type { ParsedDocument } from '../../documentStore';
import type { DocLocale } from '../../docs';
import type { ImageConfigLookup } from '../../semantics/imageConfig';
import { effectiveCommandHover } from '../../semantics/effectiveCommandHover';
import { contains } from '../../util/ranges';
import { argumentHover } from './argumentHover';
import { directiveHover } from './directiveHover';
import { flagHover } from './flagHover';
import { keywordHover, type EffectiveCommandExplainer } from './keywordHover';
import { getModel, instructionAt } from '../../semantics/model';
import { variableHover } from './variableHover';

/** Context shared by all hover providers. */
export interface HoverContext {
  readonly locale: DocLocale;
  /** The client's answers about external base images, so the effective command can name them. */
  readonly lookup?: ImageConfigLookup;
  /** Replaces the semantics' effective-command explanation (tests); the real one by default. */
  readonly explainEffectiveCommand?: EffectiveCommandExplainer;
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
  const model = getModel(parsed);
  const found = instructionAt(model, position);
  if (!found) {
    return null;
  }
  const instruction = innermost(found, position);
  const { locale, lookup } = context;
  const explain = context.explainEffectiveCommand ?? ((doc, at, language) => effectiveCommandHover(doc, at, language, lookup));
  return (
    keywordHover(parsed, instruction, position, locale, explain) ??
    variableHover(parsed, instruction, position, locale, model) ??
    flagHover(parsed, instruction, position, locale, model) ??
    argumentHover(parsed, instruction, position, locale, model)
  );
}
