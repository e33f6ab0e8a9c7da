/**
 * dockerfile-ast re-scans an instruction's text every time its arguments are asked for, and its own
 * constructors and flag, property and JSON readers ask several times per instruction; on large files
 * that scan was most of the parse and of the diagnostics. A node's text never changes, so the first
 * scan is kept on the node and each call gets its own array (`ModifiableInstruction.getArguments`
 * shifts the list it receives). `From` also assigns to the `start`/`end` of the range of its first
 * argument while computing image name ranges, so a FROM gets copies of its Argument objects with
 * their own Range objects; no other code writes to arguments, ranges or positions.
 *
 * The upper-cased keyword, asked for by nearly every rule, is kept the same way.
 *
 * The memo is an ordinary field of the node, and its positions come from the chunk's document, so
 * moving a reused chunk (chunkedParse.ts) shifts the kept argument ranges with every other range.
 */
import { Argument, From, Instruction } from 'dockerfile-ast';

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
    const memo = (this.rawArgumentsMemo ??= scan.call(this));
    if (!(this instanceof From)) {
      return memo.slice();
    }
    return memo.map((argument) => {
      const range = argument.getRange();
      return new Argument(argument.getValue(), { start: range.start, end: range.end });
    });
  };
}
