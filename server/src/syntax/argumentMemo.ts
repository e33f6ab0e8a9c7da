/**
 * dockerfile-ast re-scans an instruction's text every time its arguments are asked for, and its own
 * constructors and flag, property and JSON readers ask several times per instruction; on large files
 * that scan was most of the parse and of the diagnostics. A node's text never changes, so the first
 * scan is kept on the node and each call gets copies: its own array (`ModifiableInstruction.getArguments`
 * shifts the list it receives) of its own Argument objects with their own Range objects (`From`
 * assigns to the `start`/`end` of the range it gets back). Positions are shared; nothing writes to them.
 *
 * The upper-cased keyword, asked for by nearly every rule, is kept the same way.
 *
 * The memo is an ordinary field of the node, and its positions come from the chunk's document, so
 * moving a reused chunk (chunkedParse.ts) shifts the kept argument ranges with every other range.
 */
import { Argument, Instruction } from 'dockerfile-ast';

interface Memoized {
  rawArgumentsMemo?: Argument[];
  keywordMemo?: string;
}

let installed = false;

/** Installs the memo once per process (idempotent). */
export function installArgumentMemo(): void {
  if (installed) {
    return;
  }
  installed = true;
  const prototype = Instruction.prototype as unknown as {
    getRawArguments: (this: Instruction) => Argument[];
    getKeyword: (this: Instruction) => string;
  };
  const scan = prototype.getRawArguments;
  const keyword = prototype.getKeyword;
  prototype.getKeyword = function getKeyword(this: Instruction & Memoized): string {
    return (this.keywordMemo ??= keyword.call(this));
  };
  prototype.getRawArguments = function getRawArguments(this: Instruction & Memoized): Argument[] {
    this.rawArgumentsMemo ??= scan.call(this);
    return this.rawArgumentsMemo.map((argument) => {
      const range = argument.getRange();
      return new Argument(argument.getValue(), { start: range.start, end: range.end });
    });
  };
}
