/**
 * Pure helpers for the engine's byte streams: the stdout/stderr multiplexing of non-TTY containers,
 * line splitting, log timestamps and a bounded output buffer. No I/O, so they are tested with
 * recorded frames.
 */

export type StreamName = 'stdin' | 'stdout' | 'stderr';

export interface DemuxFrame {
  readonly stream: StreamName;
  readonly data: Buffer;
}

const headerLength = 8;
const streamNames: Readonly<Record<number, StreamName>> = { 0: 'stdin', 1: 'stdout', 2: 'stderr' };

/**
 * Splits the multiplexed stream (8-byte header: stream type, 3 zero bytes, big-endian length) into
 * frames. Chunks may cut a header or a payload anywhere; the remainder waits for the next push.
 */
export class StreamDemuxer {
  private pending: Buffer = Buffer.alloc(0);

  /** Feeds one chunk; returns every frame completed by it. */
  push(chunk: Buffer): DemuxFrame[] {
    this.pending = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    const frames: DemuxFrame[] = [];
    while (this.pending.length >= headerLength) {
      const size = this.pending.readUInt32BE(4);
      if (this.pending.length < headerLength + size) {
        break;
      }
      const stream = streamNames[this.pending[0] ?? 1] ?? 'stdout';
      frames.push({ stream, data: this.pending.subarray(headerLength, headerLength + size) });
      this.pending = this.pending.subarray(headerLength + size);
    }
    return frames;
  }

  /** Bytes held back waiting for the rest of a frame. */
  get pendingBytes(): number {
    return this.pending.length;
  }
}

/** Encodes one frame the way the engine does (for tests and for replaying recorded output). */
export function encodeFrame(stream: StreamName, data: Buffer | string): Buffer {
  const payload = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  const header = Buffer.alloc(headerLength);
  header[0] = stream === 'stdin' ? 0 : stream === 'stdout' ? 1 : 2;
  header.writeUInt32BE(payload.length, 4);
  return Buffer.concat([header, payload]);
}

/** Accumulates text and hands out complete lines; a very long line is cut at `maxLineLength`. */
export class LineSplitter {
  private partial = '';

  constructor(private readonly maxLineLength = 64 * 1024) {}

  /** Feeds text; returns the lines it completed, without their line endings. */
  push(text: string): string[] {
    const parts = (this.partial + text).split('\n');
    this.partial = parts.pop() ?? '';
    const lines = parts.map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line));
    while (this.partial.length > this.maxLineLength) {
      lines.push(this.partial.slice(0, this.maxLineLength));
      this.partial = this.partial.slice(this.maxLineLength);
    }
    return lines;
  }

  /** The unfinished last line, if any (e.g. when the stream ends). */
  flush(): string | undefined {
    const rest = this.partial;
    this.partial = '';
    return rest === '' ? undefined : rest;
  }
}

const timestampPattern = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:\d{2}) /;

export interface TimestampedLine {
  /** RFC 3339 timestamp as the engine wrote it, when the line has one. */
  readonly timestamp: string | undefined;
  readonly text: string;
}

/** Splits the `timestamps=true` prefix off a log line. */
export function splitTimestamp(line: string): TimestampedLine {
  const match = timestampPattern.exec(line);
  return match ? { timestamp: line.slice(0, match[0].length - 1), text: line.slice(match[0].length) } : { timestamp: undefined, text: line };
}

/** A sortable form of an engine timestamp (UTC, nanoseconds padded), or undefined if unparsable. */
export function timestampKey(timestamp: string): string | undefined {
  const match = timestampPattern.exec(`${timestamp} `);
  if (!match || (match[3] !== 'Z' && match[3] !== '+00:00')) {
    return undefined; // the engine writes UTC; anything else is not compared
  }
  return `${match[1]}.${(match[2] ?? '').padEnd(9, '0')}`;
}

/** Whole seconds since the epoch of an engine timestamp (for the `since` parameter). */
export function timestampSeconds(timestamp: string): number | undefined {
  const millis = Date.parse(timestamp);
  return Number.isNaN(millis) ? undefined : Math.floor(millis / 1000);
}

/**
 * Holds text waiting to be shown, never more than `capacity` characters: under a flood the oldest
 * text is dropped and counted, so memory stays bounded whatever the producer does.
 */
export class BoundedTextBuffer {
  private chunks: string[] = [];
  private length = 0;
  private dropped = 0;

  constructor(private readonly capacity: number) {}

  /** Queues text, dropping the oldest queued text beyond the capacity. */
  push(text: string): void {
    const kept = text.length > this.capacity ? text.slice(text.length - this.capacity) : text;
    this.dropped += text.length - kept.length;
    this.chunks.push(kept);
    this.length += kept.length;
    while (this.length > this.capacity) {
      const oldest = this.chunks.shift() ?? '';
      const excess = this.length - this.capacity;
      if (oldest.length > excess) {
        this.chunks.unshift(oldest.slice(excess));
        this.length -= excess;
        this.dropped += excess;
      } else {
        this.length -= oldest.length;
        this.dropped += oldest.length;
      }
    }
  }

  /** Takes everything queued and how many characters were dropped since the last take. */
  take(): { text: string; dropped: number } {
    const result = { text: this.chunks.join(''), dropped: this.dropped };
    this.chunks = [];
    this.length = 0;
    this.dropped = 0;
    return result;
  }

  /** Characters currently queued. */
  get size(): number {
    return this.length;
  }
}
