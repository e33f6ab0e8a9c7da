import type { Instruction } from 'dockerfile-ast';
import type { TextEdit } from 'vscode-languageserver';
import { formatExecForm } from '../../../semantics/display';
import type { FormInstruction } from '../../../semantics/stages';
import { splitPlainShellWords } from '../../../semantics/shellWords';
import type { Fix } from '../rule';

/** 1-based line number of an instruction, for messages. */
export function lineOf(instruction: Instruction): number {
  return instruction.getRange().start.line + 1;
}

/** An edit replacing everything after the keyword of `instruction` with `text`. */
export function replaceArguments(instruction: Instruction, text: string): TextEdit {
  const args = instruction.getArguments();
  const first = args[0];
  const start = first ? first.getRange().start : instruction.getInstructionRange().end;
  return { range: { start, end: instruction.getRange().end }, newText: first ? text : ` ${text}` };
}

/** The quick fix turning a shell-form CMD/ENTRYPOINT into exec form, when no shell feature is used. */
export function toExecFormFix(entry: FormInstruction): Fix | undefined {
  if (entry.form.kind !== 'shell' || entry.form.brokenJson) {
    return undefined;
  }
  const words = splitPlainShellWords(entry.form.text);
  if (!words) {
    return undefined;
  }
  return {
    title: { en: `Convert ${entry.keyword} to exec form`, 'zh-cn': `将 ${entry.keyword} 改为 exec 形式` },
    edits: [replaceArguments(entry.instruction, formatExecForm(words))],
  };
}
