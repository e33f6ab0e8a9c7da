/**
 * Where a document is cut into chunks for the incremental parse (chunkedParse.ts): at lines chosen by
 * their content, so the cuts below an edit stay where they were.
 */

/** Where chunks may be cut (tests shrink the chunks to put boundaries everywhere). */
export interface ChunkSizes {
  /** Fewest lines in a chunk, so that chunks stay few. */
  readonly minLines: number;
  /** A letter-led line whose hash is 0 modulo this starts a chunk: about one chunk per this many such lines. */
  readonly modulus: number;
  /** Lines after which the next letter-led line starts a chunk whatever its hash (bounds one re-parse). */
  readonly maxLines: number;
}

export const defaultChunkSizes: ChunkSizes = { minLines: 16, modulus: 16, maxLines: 512 };

/**
 * Offsets where chunks start. A boundary depends on the content of the line it falls on (a hash), not
 * on its distance from the top, so an edit that adds or removes lines moves the boundaries near it
 * only: further down the same lines start chunks again and those chunks are reused.
 */
export function chunkStarts(text: string, sizes: ChunkSizes = defaultChunkSizes): number[] {
  const starts = [0];
  let linesInChunk = 0;
  let lineStart = 0;
  while (lineStart < text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    if (
      linesInChunk >= sizes.minLines &&
      isAsciiLetter(text.charCodeAt(lineStart)) &&
      (linesInChunk >= sizes.maxLines || lineHash(text, lineStart, lineEnd) % sizes.modulus === 0)
    ) {
      starts.push(lineStart);
      linesInChunk = 0;
    }
    if (newline === -1) {
      break;
    }
    linesInChunk += 1;
    lineStart = newline + 1;
  }
  return starts;
}

/** FNV-1a over a line's UTF-16 units. */
function lineHash(text: string, start: number, end: number): number {
  let hash = 0x811c9dc5;
  for (let index = start; index < end; index += 1) {
    hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193);
  }
  return hash >>> 0;
}

function isAsciiLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}
