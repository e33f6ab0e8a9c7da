/**
 * The text document a chunk of a Dockerfile is parsed against. The parser sees only the chunk's text
 * (so it does work proportional to the chunk), yet every position it hands out is in whole-document
 * lines, counted from the chunk's current first line. Every position it creates is also listed, so
 * that when an edit above moves a reused chunk, chunkedParse.ts can shift them all with one loop.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position, Range } from 'vscode-languageserver-types';

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

  constructor(
    text: string,
    readonly placement: ChunkPlacement,
  ) {
    this.inner = TextDocument.create('', '', 0, text);
  }

  get lineCount(): number {
    return this.inner.lineCount;
  }

  getText(range?: Range): string {
    return range ? this.inner.getText({ start: this.toChunk(range.start), end: this.toChunk(range.end) }) : this.inner.getText();
  }

  positionAt(offset: number): Position {
    const inChunk = this.inner.positionAt(offset);
    const position = { line: inChunk.line + this.placement.firstLine, character: inChunk.character };
    this.positions.push(position);
    return position;
  }

  offsetAt(position: Position): number {
    return this.inner.offsetAt(this.toChunk(position));
  }

  private toChunk(position: Position): Position {
    return { line: position.line - this.placement.firstLine, character: position.character };
  }
}
