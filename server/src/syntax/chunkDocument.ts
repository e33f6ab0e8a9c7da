/**
 * The text document a chunk of a Dockerfile is parsed against. The parser sees only the chunk's text
 * (so it does work proportional to the chunk), yet every position it hands out is in whole-document
 * lines, counted from the chunk's current first line. Every position it creates is also listed, so
 * that when an edit above moves a reused chunk, chunkedParse.ts can shift them all with one loop.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position, Range } from 'vscode-languageserver-types';

/** What vscode-languageserver-textdocument's implementation offers beyond the interface. */
interface TextDocumentInternals {
  getLineOffsets(): number[];
  ensureBeforeEOL(offset: number, lineOffset: number): number;
}

/** Where a chunk currently starts in the whole document. */
export interface ChunkPlacement {
  firstLine: number;
}

/**
 * The subset of `TextDocument` that dockerfile-ast calls (positionAt, offsetAt, getText, lineCount),
 * over the chunk's text, in whole-document lines.
 */
export class ChunkDocument {
  readonly uri = '';
  readonly languageId = '';
  readonly version = 0;
  private readonly inner: TextDocument;
  /** Every position handed out (the nodes' ranges among them), to be shifted when the chunk moves. */
  positions: Position[] = [];

  private readonly length: number;
  /** The line of the last `positionAt` answer, where the next search starts. */
  private lastLine = 0;

  constructor(
    private readonly text: string,
    readonly placement: ChunkPlacement,
  ) {
    this.inner = TextDocument.create('', '', 0, text);
    this.length = text.length;
  }

  get lineCount(): number {
    return this.inner.lineCount;
  }

  getText(range?: Range): string {
    return range ? this.text.substring(this.offsetAt(range.start), this.offsetAt(range.end)) : this.text;
  }

  positionAt(offset: number): Position {
    // TextDocument.positionAt, minus its own result object (the parser asks this millions of times).
    const inner = this.inner as unknown as TextDocumentInternals;
    const clamped = Math.max(Math.min(offset, this.length), 0);
    const lineOffsets = inner.getLineOffsets();
    const line = this.lineOf(clamped, lineOffsets);
    this.lastLine = line;
    const lineOffset = lineOffsets[line] ?? 0;
    const position = { line: line + this.placement.firstLine, character: inner.ensureBeforeEOL(clamped, lineOffset) - lineOffset };
    this.positions.push(position);
    return position;
  }

  /**
   * The chunk line holding `offset`. The parser asks for offsets in (nearly) increasing order, so the
   * line of the previous answer or the one after it is tried before a binary search.
   */
  private lineOf(offset: number, lineOffsets: readonly number[]): number {
    const count = lineOffsets.length;
    for (let line = this.lastLine; line <= this.lastLine + 1 && line < count; line++) {
      if ((lineOffsets[line] as number) <= offset && (line + 1 === count || (lineOffsets[line + 1] as number) > offset)) {
        return line;
      }
    }
    let low = 0;
    let high = count;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((lineOffsets[middle] as number) > offset) {
        high = middle;
      } else {
        low = middle + 1;
      }
    }
    return Math.max(low - 1, 0);
  }

  offsetAt(position: Position): number {
    // TextDocument.offsetAt at the chunk's line, without a translated Position object per call.
    const inner = this.inner as unknown as TextDocumentInternals;
    const lineOffsets = inner.getLineOffsets();
    const line = position.line - this.placement.firstLine;
    if (line >= lineOffsets.length) {
      return this.length;
    }
    if (line < 0) {
      return 0;
    }
    const lineOffset = lineOffsets[line] as number;
    if (position.character <= 0) {
      return lineOffset;
    }
    const nextLineOffset = line + 1 < lineOffsets.length ? (lineOffsets[line + 1] as number) : this.length;
    return inner.ensureBeforeEOL(Math.min(lineOffset + position.character, nextLineOffset), lineOffset);
  }
}
