/**
 * Pure: where a log follower re-attaches after its stream ended (a restart, an outage), and which
 * lines of the new stream it has already delivered. Needed because the engine's `since` cannot name
 * a line exactly, so the new stream starts a little early and overlaps what was shown.
 *
 * The engine stamps each stream's lines in its own copier, so one stream's timestamps never go
 * backwards, but stdout and stderr interleave: a stderr line may carry an earlier time than the
 * stdout line before it. So nothing is filtered while a stream runs; a re-attach remembers, per
 * stream, the newest timestamp delivered and how many delivered lines carried exactly it, and skips
 * only those lines again.
 */
import { timestampKey, timestampSeconds } from './streams';

type StreamName = 'stdout' | 'stderr';

interface StreamMark {
  /** Sortable timestamp of the newest line delivered on this stream. */
  key: string;
  /** How many delivered lines of this stream carry exactly `key`. */
  count: number;
}

/**
 * How far before the newest delivered line a re-attach starts. A line not yet delivered was written
 * after it, so its time is at most the skew between the two streams' copiers earlier (microseconds
 * in practice); a whole second also covers `since` being read in whole seconds by older engines.
 */
const overlapSeconds = 1;

export class LogResumePoint {
  private readonly delivered = new Map<StreamName, StreamMark>();
  /** During a re-attach: what of each stream is still to be recognised as already delivered. */
  private readonly overlap = new Map<StreamName, StreamMark>();
  private reattached = false;
  /** The first line ever delivered: older lines were left out on purpose (the first attach's tail/since). */
  private firstKey: string | undefined;

  /**
   * Starts a re-attach. Returns the `since` for the new stream (Unix seconds), or undefined when
   * nothing with a timestamp was delivered yet (then the first attach's options apply again).
   */
  beginReattach(): number | undefined {
    this.reattached = true;
    this.overlap.clear();
    for (const [stream, mark] of this.delivered) {
      this.overlap.set(stream, { ...mark });
    }
    const newest = [...this.delivered.values()].map((mark) => mark.key).sort().pop();
    const seconds = newest === undefined ? undefined : timestampSeconds(`${newest}Z`);
    return seconds === undefined ? undefined : Math.max(0, seconds - overlapSeconds);
  }

  /**
   * Whether a line was already delivered before the current re-attach; a line that was not is
   * recorded as delivered (the caller shows it). A line without a usable timestamp is always new.
   */
  isRepeat(stream: StreamName, timestamp: string | undefined): boolean {
    const key = timestamp === undefined ? undefined : timestampKey(timestamp);
    if (key === undefined) {
      return false;
    }
    const seen = this.overlap.get(stream);
    if (seen) {
      if (key < seen.key) {
        return true;
      }
      if (key === seen.key && seen.count > 0) {
        seen.count -= 1;
        return true;
      }
      this.overlap.delete(stream); // past the overlap: everything after this on the stream is new
    } else if (this.reattached && !this.delivered.has(stream) && this.firstKey !== undefined && key < this.firstKey) {
      return true; // a stream that showed nothing yet: its lines before the first line shown were left out on purpose
    }
    this.record(stream, key);
    return false;
  }

  private record(stream: StreamName, key: string): void {
    const mark = this.delivered.get(stream);
    if (!mark || key > mark.key) {
      this.delivered.set(stream, { key, count: 1 });
    } else if (key === mark.key) {
      mark.count += 1;
    }
    this.firstKey ??= key;
  }
}
