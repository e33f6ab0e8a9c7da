/** From this many lines on, a burst of edits waits the longer `largeFileBurstMs` (a check costs more there). */
export const largeFileLineLimit = 2000;
/**
 * An edit that follows the previous edit of the same document within this time is part of a burst
 * (changes sent back to back, as a script or a multi-step edit sends them): its check waits
 * until the document has been quiet this long, so the burst costs one run. Typing, even at key
 * repeat, is slower than this and is checked at once. The language client library hands the server
 * one message per turn of the event loop, so "the next turn" alone would check every version. An open
 * or a re-check for new settings starts no burst.
 */
export const smallFileBurstMs = 10;
/** The same for files of `largeFileLineLimit` lines or more, where key repeat is a burst too. */
export const largeFileBurstMs = 40;

/**
 * Runs one job per document, debounced: a new schedule for a document replaces the pending one, so a
 * superseded version is never computed. The job itself must still check the version before publishing.
 */
export class PerDocumentDebouncer {
  /** Each document's pending job, as the way to cancel it. */
  private readonly pending = new Map<string, () => void>();
  private readonly lastEdit = new Map<string, number>();

  constructor(private readonly now: () => number = () => performance.now()) {}

  /**
   * Schedules `job` for `uri`, replacing any pending one. `lineCount`, whether this is for an edit,
   * and the time since the last edit choose the delay.
   */
  schedule(uri: string, lineCount: number, cause: 'edit' | 'other', job: () => void): void {
    const delay = this.delayFor(uri, lineCount, cause);
    this.cancel(uri);
    const run = (): void => {
      this.pending.delete(uri);
      job();
    };
    // No delay means the next turn of the event loop: a zero-millisecond timer would wait at least a
    // millisecond on every open and keystroke.
    if (delay === 0) {
      const immediate = setImmediate(run);
      this.pending.set(uri, () => clearImmediate(immediate));
    } else {
      const timer = setTimeout(run, delay);
      this.pending.set(uri, () => clearTimeout(timer));
    }
  }

  /** The delay a schedule for `uri` gets now (an edit's time is recorded). */
  delayFor(uri: string, lineCount: number, cause: 'edit' | 'other'): number {
    const burstMs = lineCount < largeFileLineLimit ? smallFileBurstMs : largeFileBurstMs;
    const now = this.now();
    const last = cause === 'edit' ? this.lastEdit.get(uri) : undefined;
    if (cause === 'edit') {
      this.lastEdit.set(uri, now);
    }
    if (this.pending.has(uri)) {
      return burstMs; // a check is already waiting: this schedule joins it
    }
    return last !== undefined && now - last < burstMs ? burstMs : 0;
  }

  /** Drops the pending job of `uri`, if any. */
  cancel(uri: string): void {
    this.pending.get(uri)?.();
    this.pending.delete(uri);
  }

  /** Forgets a closed document. */
  forget(uri: string): void {
    this.cancel(uri);
    this.lastEdit.delete(uri);
  }
}
