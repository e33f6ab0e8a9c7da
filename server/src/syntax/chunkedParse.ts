/**
 * Parses a Dockerfile in chunks split at instruction boundaries and reuses the chunks an edit did not
 * touch, so a change to a large file costs a parse of the changed chunk rather than of the whole file.
 *
 * The result is the same tree dockerfile-ast's own `DockerfileParser.parse` builds (the unit tests
 * compare both on the real corpus and on edited large files):
 * - each chunk runs dockerfile-ast's own parser code (its instruction, argument, comment and heredoc
 *   scanners), only over the chunk's text; positions are in whole-document lines (chunkDocument.ts);
 * - a chunk starts at a line beginning with a letter in column 0 that its content (a hash) picks, so
 *   an edit that adds or removes lines leaves the boundaries further down where they were, and is
 *   kept only if its parse ended inside it: no continuation, heredoc or comment ran to the chunk's
 *   end. Otherwise the full parser would have read on into the next chunk, so the chunk is widened
 *   and parsed again;
 * - a reused chunk that now starts on another line is moved: every position its document handed out
 *   is shifted in one loop (chunkDocument.ts lists them), nothing is parsed again;
 * - parser directives are read only by the first chunk; later chunks use its escape character;
 * - the nodes of RUN, CMD, ENTRYPOINT, SHELL, COPY, ADD and VOLUME read their exec-form JSON when
 *   first asked for it rather than while parsing (deferredJson.ts);
 * - the instructions and comments are assembled into one dockerfile-ast `Dockerfile`, which answers
 *   stage, variable and comment questions exactly as after a full parse.
 */
import type { Comment, Dockerfile, Instruction, ParserDirective } from 'dockerfile-ast';
import { Dockerfile as DockerfileImpl } from 'dockerfile-ast/lib/dockerfile';
import { Parser } from 'dockerfile-ast/lib/parser';
import { Util } from 'dockerfile-ast/lib/util';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { Range, type Position } from 'vscode-languageserver-types';
import { installArgumentMemo } from './argumentMemo';
import { chunkStarts, defaultChunkSizes, type ChunkSizes } from './chunkBoundaries';
import { ChunkDocument, type ChunkPlacement } from './chunkDocument';
import { deferredJsonInstruction, installDeferredJson } from './deferredJson';
import { installFastRangeCreate } from './fastRange';
import { organizeComments } from './organizeComments';

export { chunkStarts, type ChunkSizes } from './chunkBoundaries';

/** One parsed chunk, reusable in a later version wherever the same text appears. */
interface ParsedChunk {
  readonly text: string;
  readonly placement: ChunkPlacement;
  readonly document: ChunkDocument;
  /** Size of `document.positions` above which it is rebuilt from the nodes (it also lists throwaway positions). */
  compactAt: number;
  readonly instructions: readonly Instruction[];
  readonly comments: readonly Comment[];
  readonly directives: readonly ParserDirective[];
  /** The escape character this chunk was parsed with (the first chunk: the one its directives set). */
  readonly escapeChar: string;
  /** Whether every scan ended inside the chunk, i.e. the chunk may be followed by another. */
  readonly clean: boolean;
}

/** What one version leaves for the next: its chunks by text. */
export interface ChunkCache {
  readonly first: ParsedChunk | undefined;
  readonly rest: ReadonlyMap<string, readonly ParsedChunk[]>;
}

export interface ChunkedParse {
  readonly dockerfile: Dockerfile;
  readonly cache: ChunkCache;
  /** How many chunks were parsed (not reused) for this version; for tests and measurements. */
  readonly parsedChunks: number;
}

/** dockerfile-ast's parser members this module drives (private in its typings). */
interface ParserInternals {
  document: ChunkDocument;
  buffer: string;
  escapeChar: string;
  getParserDirectives(document: unknown, buffer: string): ParserDirective[];
  processComment(dockerfile: DockerfileImpl, start: number): number;
  processInstruction(dockerfile: DockerfileImpl, char: string, start: number): number;
  processArguments(dockerfile: DockerfileImpl, instruction: string, instructionEnd: number, start: number, offset: number): number;
  createInstruction(dockerfile: DockerfileImpl, instruction: string, start: number, instructionEnd: number, end: number): Instruction;
}

const ParserBase = Parser as unknown as new () => ParserInternals;

/** Stands in for the node dockerfile-ast builds only to look for here-documents (its keyword starts none). */
const noHeredocProbe = { getKeyword: (): string => '' } as unknown as Instruction;

/**
 * dockerfile-ast's parser, minus one waste: at the end of each instruction's first line it builds a
 * throwaway node just to look for `<<` here-document openers, then builds the real node. When the text
 * scanned holds no `<` at all, no argument can start with `<<`, so the probe is skipped.
 */
class ChunkParser extends ParserBase {
  private inArguments = false;
  /** Index of the next `<` at or after the last probe start (buffer length when none). */
  private nextAngle = -1;

  override processArguments(dockerfile: DockerfileImpl, instruction: string, instructionEnd: number, start: number, offset: number): number {
    this.inArguments = true;
    try {
      return super.processArguments(dockerfile, instruction, instructionEnd, start, offset);
    } finally {
      this.inArguments = false;
    }
  }

  override createInstruction(dockerfile: DockerfileImpl, instruction: string, start: number, instructionEnd: number, end: number): Instruction {
    if (this.inArguments) {
      if (this.nextAngle < start) {
        const found = this.buffer.indexOf('<', start);
        this.nextAngle = found === -1 ? this.buffer.length : found;
      }
      if (this.nextAngle >= end) {
        return noHeredocProbe;
      }
      return super.createInstruction(dockerfile, instruction, start, instructionEnd, end);
    }
    // The node the tree keeps: exec-form JSON is read when first asked for (deferredJson.ts).
    const deferred = deferredJsonInstruction(instruction, () => {
      // The ranges dockerfile-ast's createInstruction computes before calling the constructor.
      const startPosition = this.document.positionAt(start);
      const keywordRange = Range.create(startPosition, this.document.positionAt(instructionEnd));
      const lineRange = Range.create(startPosition, this.document.positionAt(end));
      return [this.document, lineRange, dockerfile, this.escapeChar, instruction, keywordRange];
    });
    return deferred ?? super.createInstruction(dockerfile, instruction, start, instructionEnd, end);
  }
}

installArgumentMemo();
installFastRangeCreate();
installDeferredJson();

/** Parses `text` (the content of `document`), reusing unchanged chunks of `previous`. */
export function parseChunked(document: TextDocument, previous: ChunkCache | undefined, sizes: ChunkSizes = defaultChunkSizes): ChunkedParse {
  const text = document.getText();
  const starts = chunkStarts(text, sizes);
  const pool = new Map<string, ParsedChunk[]>();
  for (const [key, chunks] of previous?.rest ?? []) {
    pool.set(key, [...chunks]);
  }
  const chunks: ParsedChunk[] = [];
  let parsedChunks = 0;
  let escapeChar = '\\';
  let line = 0;
  for (let index = 0; index < starts.length; ) {
    const first = index === 0;
    // Widen a chunk whose parse ran to its end: 1, then 2, 4, … more chunks (linear in the worst case).
    for (let width = 1; ; width *= 2) {
      const endIndex = Math.min(index + width, starts.length);
      const last = endIndex === starts.length;
      const chunkText = text.substring(starts[index] ?? 0, last ? text.length : starts[endIndex]);
      let chunk = first ? reuseFirst(previous, chunkText) : takeFromPool(pool, chunkText, escapeChar);
      if (chunk) {
        moveChunk(chunk, line);
      } else {
        chunk = parseChunk(flatCopy(chunkText), line, first ? undefined : escapeChar);
        parsedChunks += 1;
      }
      if (chunk.clean || last) {
        chunks.push(chunk);
        if (first) {
          escapeChar = chunk.escapeChar;
        }
        line += countLines(chunkText);
        index = endIndex;
        break;
      }
    }
  }
  const dockerfile = assemble(document, chunks);
  const rest = new Map<string, ParsedChunk[]>();
  for (const chunk of chunks.slice(1)) {
    const list = rest.get(chunk.text);
    if (list) {
      list.push(chunk);
    } else {
      rest.set(chunk.text, [chunk]);
    }
  }
  return { dockerfile, cache: { first: chunks[0], rest }, parsedChunks };
}

function countLines(text: string): number {
  let count = 0;
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) {
    count += 1;
  }
  return count;
}

function reuseFirst(previous: ChunkCache | undefined, text: string): ParsedChunk | undefined {
  return previous?.first?.text === text ? previous.first : undefined;
}

function takeFromPool(pool: Map<string, ParsedChunk[]>, text: string, escapeChar: string): ParsedChunk | undefined {
  const candidates = pool.get(text);
  const index = candidates?.findIndex((chunk) => chunk.escapeChar === escapeChar) ?? -1;
  return index < 0 ? undefined : candidates?.splice(index, 1)[0];
}

/**
 * A copy of a substring that does not point into the whole text: a cached chunk must not keep every
 * old version of a large document alive.
 */
function flatCopy(text: string): string {
  return Buffer.from(text, 'utf16le').toString('utf16le');
}

/**
 * Runs dockerfile-ast's parser loop over one chunk (the same steps as `Parser.parse`), the first chunk
 * with directive handling, the others with the escape character `escapeChar` the first one set.
 */
function parseChunk(text: string, firstLine: number, escapeChar: string | undefined): ParsedChunk {
  const placement: ChunkPlacement = { firstLine };
  const document = new ChunkDocument(text, placement);
  const parser = new ChunkParser();
  parser.document = document;
  parser.buffer = text;
  const local = new DockerfileImpl(document as unknown as TextDocument);
  let offset = 0;
  let directives: ParserDirective[] = [];
  if (escapeChar === undefined) {
    directives = parser.getParserDirectives(document, text);
    parser.escapeChar = '\\';
    if (directives.length > 0) {
      local.setDirectives(directives);
      parser.escapeChar = local.getEscapeCharacter();
      offset = document.offsetAt({ line: directives.length, character: 0 });
    } else if (Util.isUTF8BOM(text.substring(0, 1))) {
      offset = 1;
    }
  } else {
    parser.escapeChar = escapeChar;
  }
  for (let index = offset; index < text.length; index += 1) {
    const char = text.charAt(index);
    switch (char) {
      case ' ':
      case '\t':
      case '\r':
      case '\n':
        break;
      case '#':
        index = parser.processComment(local, index);
        break;
      default:
        index = parser.processInstruction(local, char, index);
        break;
    }
  }
  const instructions = local.getInstructions();
  // A scan that stopped at the chunk's end would have gone on into the next chunk in a full parse.
  const clean = text.endsWith('\n') && instructions.every((instruction) => document.offsetAt(instruction.getRange().end) < text.length);
  const comments = local.getComments();
  const compactAt = 2 * document.positions.length + 1024;
  return { text, placement, document, compactAt, instructions, comments, directives, escapeChar: parser.escapeChar, clean };
}

/**
 * Moves a reused chunk to its new first line: every position its document handed out (the ranges of
 * its nodes, including those dockerfile-ast and the argument memo cache later) is shifted, and
 * positions computed from now on start from the new line.
 */
function moveChunk(chunk: ParsedChunk, firstLine: number): void {
  const delta = firstLine - chunk.placement.firstLine;
  if (delta === 0) {
    return;
  }
  chunk.placement.firstLine = firstLine;
  if (chunk.document.positions.length > chunk.compactAt) {
    compactPositions(chunk);
  }
  for (const position of chunk.document.positions) {
    position.line += delta;
  }
}

/**
 * Replaces the chunk's list of positions by those its nodes still hold. The list also collects
 * positions of throwaway results (requests compute ranges on the fly); rebuilding it whenever it has
 * doubled keeps it proportional to the nodes.
 */
function compactPositions(chunk: ParsedChunk): void {
  chunk.document.positions = reachablePositions([...chunk.instructions, ...chunk.comments]);
  chunk.compactAt = 2 * chunk.document.positions.length + 1024;
}

/** Every distinct position object reachable from `roots` (not through their documents or Dockerfile). */
function reachablePositions(roots: readonly object[]): Position[] {
  // Ranges share position objects; a position already found is marked by a negative line until the
  // walk is over (no set of visited objects on this hot path).
  const found: Position[] = [];
  const nodes: unknown[] = [...roots];
  const depths: number[] = nodes.map(() => 0);
  while (nodes.length > 0) {
    const node = nodes.pop() as Record<string, unknown>;
    const depth = depths.pop() as number;
    if (typeof node['line'] === 'number' && typeof node['character'] === 'number') {
      const position = node as unknown as Position;
      if (position.line >= 0) {
        position.line = -position.line - 1;
        found.push(position);
      }
      continue;
    }
    if (depth >= maxNodeDepth) {
      throw new Error(`chunk nodes nest deeper than ${maxNodeDepth}`);
    }
    if (Array.isArray(node)) {
      for (const item of node as unknown[]) {
        if (item !== null && typeof item === 'object') {
          nodes.push(item);
          depths.push(depth + 1);
        }
      }
      continue;
    }
    for (const key in node) {
      const value = node[key];
      // The documents and the Dockerfile are shared, not part of this chunk's nodes.
      if (value !== null && typeof value === 'object' && key !== 'document' && key !== 'dockerfile') {
        nodes.push(value);
        depths.push(depth + 1);
      }
    }
  }
  for (const position of found) {
    position.line = -position.line - 1;
  }
  return found;
}

/** dockerfile-ast nodes are shallow (instruction → flag → option → range → position); deeper means a cycle. */
const maxNodeDepth = 12;

/** One dockerfile-ast Dockerfile over the whole document holding every chunk's nodes. */
function assemble(document: TextDocument, chunks: readonly ParsedChunk[]): Dockerfile {
  const dockerfile = new DockerfileImpl(document);
  const directives = chunks[0]?.directives ?? [];
  if (directives.length > 0) {
    dockerfile.setDirectives([...directives]);
  }
  for (const chunk of chunks) {
    for (const instruction of chunk.instructions) {
      // Reused nodes resolve variables and stages against the version they are now part of.
      (instruction as unknown as { dockerfile: Dockerfile }).dockerfile = dockerfile;
      dockerfile.addInstruction(instruction);
    }
    for (const comment of chunk.comments) {
      dockerfile.addComment(comment);
    }
  }
  organizeComments(dockerfile);
  return dockerfile;
}
