import type { Instruction } from 'dockerfile-ast';
import type { Range, TextEdit } from 'vscode-languageserver';
import type { DockerfileModel } from '../../../semantics/model';
import { formatExecForm } from '../../../semantics/display';
import type { FormInstruction } from '../../../semantics/stages';
import { splitPlainShellWords } from '../../../semantics/shellWords';
import type { Fix } from '../rule';

/** 1-based line number of an instruction, for messages. */
export function lineOf(instruction: Instruction): number {
  return instruction.getRange().start.line + 1;
}

/** An edit replacing everything after the keyword of `instruction` with one space and `text`. */
export function replaceArguments(instruction: Instruction, text: string): TextEdit {
  return { range: { start: instruction.getInstructionRange().end, end: instruction.getRange().end }, newText: ` ${text}` };
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

/** The range of `word` inside the instruction's lines (first occurrence after the keyword), else the whole instruction. */
export function rangeOfWord(model: DockerfileModel, instruction: Instruction, word: string): Range {
  const range = instruction.getRange();
  for (let line = range.start.line; line <= range.end.line; line += 1) {
    const text = model.lines[line] ?? '';
    const from = line === range.start.line ? instruction.getInstructionRange().end.character : 0;
    const index = text.indexOf(word, from);
    if (index >= 0) {
      return { start: { line, character: index }, end: { line, character: index + word.length } };
    }
  }
  return range;
}

/** Splits text into words at unquoted whitespace, keeping quotes (enough to read names and ports). */
export function splitUnquoted(text: string): string[] {
  return text.match(/(?:[^\s"']+|"(?:[^"\\]|\\.)*"?|'[^']*'?)+/g) ?? [];
}
