/**
 * The text document a chunk of a Dockerfile is parsed against. The parser sees only the chunk's text
 * (so it does work proportional to the chunk), yet every position it hands out is in whole-document
 * lines, counted from the chunk's current first line. When an edit above moves a reused chunk, its
 * `firstLine` changes (and chunkedParse.ts shifts the positions its nodes already hold).
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
    const position = this.inner.positionAt(offset);
    return { line: position.line + this.placement.firstLine, character: position.character };
  }

  offsetAt(position: Position): number {
    return this.inner.offsetAt(this.toChunk(position));
  }

  private toChunk(position: Position): Position {
    return { line: position.line - this.placement.firstLine, character: position.character };
  }
}
