/**
 * Keeps relative times ("Up 9 minutes", an image's `3d`) true while a view is on screen, without
 * asking the engine anything: one timer, set for the moment the earliest text on screen changes,
 * re-renders the visible views from the times already stored. While no view is visible nothing is
 * scheduled at all. No `vscode` import, and the clock is injected: tested in plain Node.
 */

/** A view as the ticker sees it. */
export interface TimedView {
  readonly visible: boolean;
  /** When (ms since the epoch) a relative text of its last render changes next; undefined when it shows none. */
  readonly nextTextChangeAt: number | undefined;
  /** Renders again from the stored objects (no engine call). */
  rerender(): void;
}

export interface TickerClock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const systemClock: TickerClock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** A render lands just after the boundary, never just before it (where nothing would change yet). */
const pastBoundaryMs = 20;
/** However many texts turn at once, the views re-render at most this often. */
const minimumDelayMs = 250;

export class RelativeTimeTicker {
  private timer: unknown;
  private dueAt: number | undefined;

  constructor(
    private readonly views: () => readonly TimedView[],
    private readonly clock: TickerClock = systemClock,
  ) {}

  /** (Re)plans the timer; call after any render and whenever a view appears or disappears. */
  schedule(): void {
    let due: number | undefined;
    for (const view of this.views()) {
      const next = view.visible ? view.nextTextChangeAt : undefined;
      if (next !== undefined && (due === undefined || next < due)) {
        due = next;
      }
    }
    if (due === this.dueAt && this.timer !== undefined) {
      return; // already planned for that moment
    }
    this.cancel();
    if (due === undefined) {
      return;
    }
    this.dueAt = due;
    const delay = Math.max(minimumDelayMs, due - this.clock.now() + pastBoundaryMs);
    this.timer = this.clock.setTimeout(() => this.tick(), delay);
  }

  dispose(): void {
    this.cancel();
  }

  private tick(): void {
    this.timer = undefined;
    this.dueAt = undefined;
    for (const view of this.views()) {
      if (view.visible) {
        view.rerender();
      }
    }
    this.schedule();
  }

  private cancel(): void {
    if (this.timer !== undefined) {
      this.clock.clearTimeout(this.timer);
    }
    this.timer = undefined;
    this.dueAt = undefined;
  }
}
