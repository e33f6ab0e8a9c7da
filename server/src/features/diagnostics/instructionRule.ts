/**
 * Rules whose findings for an instruction depend on that instruction alone: its keyword, its text
 * (lines, arguments, flags) and the escape character it was parsed with. An edit leaves most syntax
 * nodes in place (syntax/chunkedParse.ts reuses a chunk only where its text, and its escape character,
 * are unchanged), so such a rule's findings are kept on the node and handed out again by the next
 * version; only the nodes an edit created are checked. A reused node may have moved to another line:
 * kept findings hold their own copies of the ranges, recorded with the line the node started on, and
 * are shifted when it starts elsewhere.
 *
 * Not for rules that look at other instructions, stages or the whole file (UndefinedVar,
 * ConsistentInstructionCasing, WorkdirRelativePath, the CMD/ENTRYPOINT rules): they run in full.
 */
import type { Instruction } from 'dockerfile-ast';
import type { Range, TextEdit } from 'vscode-languageserver';
import type { DockerfileModel } from '../../semantics/model';
import type { Finding, Rule } from './rule';

export interface InstructionRuleSpec extends Omit<Rule, 'check'> {
  /** The keywords the rule reads (every instruction of the model when absent). */
  readonly keywords?: readonly string[];
  /** The findings for one instruction, reading nothing but that instruction (and lines it spans). */
  readonly checkInstruction: (model: DockerfileModel, instruction: Instruction) => readonly Finding[];
}

/** What a node keeps: one bit per rule already run on it, and the non-empty results by rule slot. */
interface KeptFindings {
  ruleFindingsDone?: number;
  ruleFindings?: { line: number; bySlot: (readonly Finding[] | undefined)[] };
}

/** Slots are bits of one small integer. */
const maxSlots = 30;
let slots = 0;
const none: readonly Finding[] = Object.freeze([]);

/** A Rule that checks instruction by instruction and reuses the findings of nodes a new version kept. */
export function instructionRule(spec: InstructionRuleSpec): Rule {
  if (slots >= maxSlots) {
    throw new Error(`more than ${maxSlots} instruction rules`);
  }
  const slot = slots;
  slots += 1;
  const { keywords, checkInstruction, ...rule } = spec;
  const bit = 1 << slot;
  return {
    ...rule,
    check: (model): Finding[] => {
      const findingsOf = (instruction: Instruction): readonly Finding[] => {
        const node = instruction as Instruction & KeptFindings;
        const done = node.ruleFindingsDone;
        // The common case, a node this rule already checked and found nothing on, costs two field reads.
        if (done !== undefined && (done & bit) !== 0) {
          const kept = node.ruleFindings;
          const findings = kept?.bySlot[slot];
          if (kept === undefined || findings === undefined) {
            return none;
          }
          moveTo(kept, instruction.getRange().start.line);
          return kept.bySlot[slot] ?? none;
        }
        return keep(node, slot, checkInstruction(model, instruction));
      };
      const found: Finding[] = [];
      if (!keywords) {
        for (const instruction of model.instructions) {
          pushAll(found, findingsOf(instruction));
        }
        return found;
      }
      // Keyword by keyword (no scan of every instruction), then the instructions with findings in document order.
      const groups: { line: number; findings: readonly Finding[] }[] = [];
      for (const keyword of keywords) {
        for (const instruction of model.byKeyword.get(keyword) ?? []) {
          const findings = findingsOf(instruction);
          if (findings.length > 0) {
            groups.push({ line: instruction.getRange().start.line, findings });
          }
        }
      }
      if (keywords.length > 1) {
        groups.sort((a, b) => a.line - b.line);
      }
      for (const group of groups) {
        pushAll(found, group.findings);
      }
      return found;
    },
  };
}

function pushAll(target: Finding[], findings: readonly Finding[]): void {
  for (const finding of findings) {
    target.push(finding);
  }
}

/** Records that `slot`'s rule ran on the node and what it found (copies, on the node's current line). */
function keep(node: Instruction & KeptFindings, slot: number, computed: readonly Finding[]): readonly Finding[] {
  node.ruleFindingsDone = (node.ruleFindingsDone ?? 0) | (1 << slot);
  if (computed.length === 0) {
    return none;
  }
  const line = node.getRange().start.line;
  node.ruleFindings ??= { line, bySlot: [] };
  moveTo(node.ruleFindings, line);
  // Copies: the node's own positions move in place when its chunk moves; these are shifted here.
  const copies = computed.map((finding) => shifted(finding, 0));
  node.ruleFindings.bySlot[slot] = copies;
  return copies;
}

/** Shifts every kept finding of a node (new objects: earlier versions may still hold the old ones). */
function moveTo(kept: { line: number; bySlot: (readonly Finding[] | undefined)[] }, line: number): void {
  const delta = line - kept.line;
  if (delta === 0) {
    return;
  }
  kept.line = line;
  kept.bySlot = kept.bySlot.map((findings) => findings?.map((finding) => shifted(finding, delta)));
}

function shifted(finding: Finding, delta: number): Finding {
  const { range, fix, ...rest } = finding;
  const copy: Finding = { ...rest, range: shiftRange(range, delta) };
  // Keeps the shape the rule gave (a `fix` key may be present and undefined).
  if ('fix' in finding) {
    return {
      ...copy,
      fix: fix && { title: fix.title, edits: fix.edits.map((edit): TextEdit => ({ range: shiftRange(edit.range, delta), newText: edit.newText })) },
    };
  }
  return copy;
}

function shiftRange(range: Range, delta: number): Range {
  return {
    start: { line: range.start.line + delta, character: range.start.character },
    end: { line: range.end.line + delta, character: range.end.character },
  };
}
