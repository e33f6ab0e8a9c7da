/**
 * Rules whose findings for an instruction depend on that instruction alone: its keyword, its text
 * (lines, arguments, flags) and the escape character. They are written per instruction and run only
 * over the instructions with the keywords they read (the model groups instructions by keyword), so a
 * rule about HEALTHCHECK never walks the RUNs.
 *
 * Not for rules that look at other instructions, stages or the whole file (UndefinedVar,
 * ConsistentInstructionCasing, WorkdirRelativePath, the CMD/ENTRYPOINT rules): they implement `check`.
 */
import type { Instruction } from 'dockerfile-ast';
import type { DockerfileModel } from '../../semantics/model';
import type { Finding, Rule } from './rule';

export interface InstructionRuleSpec extends Omit<Rule, 'check'> {
  /** The keywords the rule reads (every instruction of the model when absent). */
  readonly keywords?: readonly string[];
  /** The findings for one instruction, reading nothing but that instruction (and lines it spans). */
  readonly checkInstruction: (model: DockerfileModel, instruction: Instruction) => readonly Finding[];
}

/** A Rule that checks instruction by instruction, in document order. */
export function instructionRule(spec: InstructionRuleSpec): Rule {
  const { keywords, checkInstruction, ...rule } = spec;
  return {
    ...rule,
    check: (model): Finding[] => {
      const found: Finding[] = [];
      if (!keywords) {
        for (const instruction of model.instructions) {
          found.push(...checkInstruction(model, instruction));
        }
        return found;
      }
      // Keyword by keyword (no scan of every instruction), then the instructions with findings in document order.
      const groups: { line: number; findings: readonly Finding[] }[] = [];
      for (const keyword of keywords) {
        for (const instruction of model.byKeyword.get(keyword) ?? []) {
          const findings = checkInstruction(model, instruction);
          if (findings.length > 0) {
            groups.push({ line: instruction.getRange().start.line, findings });
          }
        }
      }
      if (keywords.length > 1) {
        groups.sort((a, b) => a.line - b.line);
      }
      for (const group of groups) {
        found.push(...group.findings);
      }
      return found;
    },
  };
}
