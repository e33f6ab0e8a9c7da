/** Below this many lines diagnostics run right after a change, with no artificial delay. */
export const immediateLineLimit = 2000;
/**
 * In larger files, a change that follows the previous one of the same document within this time is
 * part of a burst (key repeat, a multi-step edit, changes queued while a check ran): its check waits
 * until the document has been quiet this long, so the burst costs one run. A change after a quiet
 * spell, and an open, is checked at once.
 */
export const largeFileDelayMs = 40;

/**
 * Runs one job per document, debounced: a new schedule for a document replaces the pending one, so a
 * superseded version is never computed. The job itself must still check the version before publishing.
 */
export class PerDocumentDebouncer {
  /** Each document's pending job, as the way to cancel it. */
  private readonly pending = new Map<string, () => void>();
  private readonly lastScheduled = new Map<string, number>();

  constructor(private readonly now: () => number = () => performance.now()) {}

  /** Schedules `job` for `uri`, replacing any pending one; `lineCount` and the time since the last schedule choose the delay. */
  schedule(uri: string, lineCount: number, job: () => void): void {
    const delay = this.delayFor(uri, lineCount);
    this.cancel(uri);
    const run = (): void => {
      this.pending.delete(uri);
      job();
    };
    // No delay means the next turn of the event loop, after the messages already read (a burst still
    // costs one run); a zero-millisecond timer would wait at least a millisecond on every keystroke.
    if (delay === 0) {
      const immediate = setImmediate(run);
      this.pending.set(uri, () => clearImmediate(immediate));
    } else {
      const timer = setTimeout(run, delay);
      this.pending.set(uri, () => clearTimeout(timer));
    }
  }

  /** The delay a schedule for `uri` gets now (and records the schedule's time). */
  delayFor(uri: string, lineCount: number): number {
    const now = this.now();
    const last = this.lastScheduled.get(uri);
    this.lastScheduled.set(uri, now);
    if (lineCount < immediateLineLimit) {
      return 0;
    }
    return this.pending.has(uri) || (last !== undefined && now - last < largeFileDelayMs) ? largeFileDelayMs : 0;
  }

  /** Drops the pending job of `uri`, if any. */
  cancel(uri: string): void {
    this.pending.get(uri)?.();
    this.pending.delete(uri);
  }

  /** Forgets a closed document. */
  forget(uri: string): void {
    this.cancel(uri);
    this.lastScheduled.delete(uri);
  }
}
