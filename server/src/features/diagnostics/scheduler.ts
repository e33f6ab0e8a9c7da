/** Below this many lines diagnostics run right after a change, with no artificial delay. */
export const immediateLineLimit = 2000;
/** Pause after the last change before large files are re-checked, so a burst of keystrokes costs one run. */
export const largeFileDelayMs = 40;

/**
 * Runs one job per document, debounced: a new schedule for a document replaces the pending one, so a
 * superseded version is never computed. The job itself must still check the version before publishing.
 */
export class PerDocumentDebouncer {
  private readonly pending = new Map<string, NodeJS.Timeout>();

  /** Schedules `job` for `uri`, replacing any pending one; `lineCount` chooses the delay. */
  schedule(uri: string, lineCount: number, job: () => void): void {
    this.cancel(uri);
    const delay = lineCount < immediateLineLimit ? 0 : largeFileDelayMs;
    this.pending.set(
      uri,
      setTimeout(() => {
        this.pending.delete(uri);
        job();
      }, delay),
    );
  }

  /** Drops the pending job of `uri`, if any. */
  cancel(uri: string): void {
    const timer = this.pending.get(uri);
    if (timer) {
      clearTimeout(timer);
      this.pending.delete(uri);
    }
  }
}
