/**
 * dockerfile-ast's JSONInstruction (the node class of RUN, CMD, ENTRYPOINT, SHELL, COPY, ADD and
 * VOLUME) reads the exec-form JSON in its constructor: an argument scan, the flags, and a character
 * loop building the strings, for every such instruction of the file, though only a few CMD,
 * ENTRYPOINT and SHELL nodes are ever asked for it. On a 50,000-line file that reading was about a
 * third of the parse, and its objects (arguments, flags, strings, their ranges) all survived into
 * the tree, for the garbage collector to copy.
 *
 * The chunked parser (chunkedParse.ts) builds these nodes with only the constructors of the classes
 * above JSONInstruction, so they have the same prototype (the same class, every method) but no JSON
 * fields yet. The first call of one of the three methods that expose those fields reads them: a twin
 * node is built from the same inputs with the full constructor, and its fields are moved over. Nodes
 * built any other way (dockerfile-ast's own parser) carry the fields already and are left as they are.
 *
 * The positions of fields read late come from the node's chunk document, which hands out positions
 * for wherever the chunk is at that moment and lists them, so a later move of the chunk shifts them.
 */
import { Add, Argument, Cmd, Copy, Entrypoint, JSONInstruction, ModifiableInstruction, Run, Shell, Volume, type Instruction } from 'dockerfile-ast';
import type { Position, Range } from 'vscode-languageserver-types';

/** The inputs every instruction constructor takes, in dockerfile-ast's order. */
export type InstructionInputs = readonly [document: unknown, range: Range, dockerfile: unknown, escapeChar: string, keyword: string, keywordRange: Range];

/** What a node holds once its JSON is read (private fields in dockerfile-ast's typings). */
interface JsonFields {
  openingBracket: Argument | null;
  closingBracket: Argument | null;
  jsonStrings: unknown[];
}

/** The fields the Line and Instruction constructors set, which the twin is built from. */
interface InstructionFields {
  readonly document: DocumentPositions;
  readonly range: Range;
  readonly dockerfile: unknown;
  readonly escapeChar: string;
  readonly instruction: string;
  readonly instructionRange: Range;
}

interface DocumentPositions {
  positionAt(offset: number): Position;
  offsetAt(position: Position): number;
}

const jsonClasses = new Map<string, abstract new (...inputs: never[]) => Instruction>([
  ['ADD', Add],
  ['CMD', Cmd],
  ['COPY', Copy],
  ['ENTRYPOINT', Entrypoint],
  ['RUN', Run],
  ['SHELL', Shell],
  ['VOLUME', Volume],
]);

/** The methods through which dockerfile-ast (and everyone else) reads the JSON fields. */
const jsonReaders = ['getOpeningBracket', 'getJSONStrings', 'getClosingBracket'] as const;

let installed = false;

/** Makes the JSON readers fill in deferred fields first (once per process, idempotent). */
export function installDeferredJson(): void {
  if (installed) {
    return;
  }
  installed = true;
  const prototype = JSONInstruction.prototype as unknown as Record<(typeof jsonReaders)[number], (this: JSONInstruction) => unknown>;
  for (const name of jsonReaders) {
    const read = prototype[name];
    prototype[name] = function readJsonField(this: JSONInstruction): unknown {
      if (!('jsonStrings' in this)) {
        readDeferredJson(this);
      }
      return read.call(this);
    };
  }
}

/**
 * A node of the JSONInstruction class for `keyword` whose JSON is read on first use, or undefined
 * when the keyword's node is of another class.
 */
export function deferredJsonInstruction(keyword: string, inputs: () => InstructionInputs): Instruction | undefined {
  const nodeClass = jsonClasses.get(keyword.toUpperCase());
  // The constructors above JSONInstruction only store the inputs; the prototype is the keyword's class.
  return nodeClass ? (Reflect.construct(ModifiableInstruction, inputs(), nodeClass) as Instruction) : undefined;
}

function readDeferredJson(node: JSONInstruction): void {
  const fields = node as unknown as InstructionFields & Partial<JsonFields>;
  const inputs: InstructionInputs = [fields.document, fields.range, fields.dockerfile, fields.escapeChar, fields.instruction, fields.instructionRange];
  const twin = Reflect.construct(JSONInstruction, inputs, node.constructor) as unknown as JsonFields;
  fields.openingBracket = twin.openingBracket;
  fields.closingBracket = twin.closingBracket;
  fields.jsonStrings = twin.jsonStrings;
  placeEmptyListBrackets(node, fields);
}

/**
 * For `CMD []` JSONInstruction builds the bracket ranges from copied line numbers rather than asking
 * the document; give them positions from the document like every other range, so that they move too.
 */
function placeEmptyListBrackets(node: JSONInstruction, fields: InstructionFields & Partial<JsonFields>): void {
  const args = node.getArguments();
  if (args.length !== 1 || args[0]?.getValue() !== '[]') {
    return;
  }
  const document = fields.document;
  for (const bracket of [fields.openingBracket, fields.closingBracket]) {
    if (bracket) {
      const range = bracket.getRange();
      const placed = { start: document.positionAt(document.offsetAt(range.start)), end: document.positionAt(document.offsetAt(range.end)) };
      (bracket as unknown as { range: Range }).range = placed;
    }
  }
}
