/**
 * Pure: collects a finished log read while keeping at most `maxBytes` of it, the newest part, so a
 * container that logged gigabytes (or one endless binary line) cannot exhaust the extension host.
 * Multiplexed output is demultiplexed as it arrives and whole frames are dropped from the front,
 * so what is kept still parses as frames.
 */
import { encodeFrame, StreamDemuxer } from './streams';

/** The snapshot document keeps the last 8 MiB: enough for any tail a person reads, small for an editor. */
export const snapshotMaxBytes = 8 * 1024 * 1024;

export interface LogSnapshot {
  readonly data: Buffer;
  /** Payload bytes left out from the start of the log. */
  readonly droppedBytes: number;
}

export class BoundedLogSnapshot {
  private kept: Buffer[] = [];
  /** Index of the oldest kept buffer: dropping moves it instead of shifting the array (frames can number 100,000s). */
  private head = 0;
  private keptBytes = 0;
  private dropped = 0;
  private readonly demuxer: StreamDemuxer | undefined;

  constructor(
    tty: boolean,
    private readonly maxBytes = snapshotMaxBytes,
  ) {
    this.demuxer = tty ? undefined : new StreamDemuxer();
  }

  push(chunk: Buffer): void {
    if (!this.demuxer) {
      this.keep(chunk, chunk.length);
      return;
    }
    for (const frame of this.demuxer.push(chunk)) {
      // A single frame larger than the whole budget keeps only its end.
      const data = frame.data.length > this.maxBytes ? frame.data.subarray(frame.data.length - this.maxBytes) : frame.data;
      this.dropped += frame.data.length - data.length;
      this.keep(encodeFrame(frame.stream, data), data.length);
    }
  }

  result(): LogSnapshot {
    return { data: Buffer.concat(this.kept.slice(this.head)), droppedBytes: this.dropped };
  }

  private keep(bytes: Buffer, payload: number): void {
    this.kept.push(bytes);
    this.keptBytes += payload;
    while (this.keptBytes > this.maxBytes && this.head < this.kept.length) {
      const oldest = this.kept[this.head] as Buffer;
      const oldestPayload = this.demuxer ? oldest.length - 8 : oldest.length;
      const excess = this.keptBytes - this.maxBytes;
      if (!this.demuxer && oldestPayload > excess) {
        // Raw (TTY) bytes: cut inside the oldest chunk.
        this.kept[this.head] = oldest.subarray(excess);
        this.keptBytes -= excess;
        this.dropped += excess;
        break;
      }
      this.head += 1;
      this.keptBytes -= oldestPayload;
      this.dropped += oldestPayload;
    }
    if (this.head > 1024 && this.head * 2 > this.kept.length) {
      this.kept = this.kept.slice(this.head);
      this.head = 0;
    }
  }
}
