import type { LocalImagesResult } from '../../protocol';

/**
 * The local engine's image tags, as last reported by the client. Completion is synchronous and must
 * never wait on the engine, so it reads whatever is cached and asks for a refresh when the answer is
 * older than `ttlMs`; the next completion request sees the fresh list.
 */
export class LocalImageNames {
  private images: readonly string[] = [];
  private fetchedAt = Number.NEGATIVE_INFINITY;
  private inFlight = false;

  constructor(
    private readonly ask: () => Promise<LocalImagesResult | null>,
    private readonly ttlMs = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** The cached names; starts a background refresh when they are stale. */
  current(): readonly string[] {
    if (!this.inFlight && this.now() - this.fetchedAt > this.ttlMs) {
      this.inFlight = true;
      this.ask()
        .then((result) => {
          this.images = result && Array.isArray(result.images) ? result.images.filter((name) => typeof name === 'string') : [];
        })
        .catch(() => {
          this.images = [];
        })
        .finally(() => {
          this.fetchedAt = this.now();
          this.inFlight = false;
        });
    }
    return this.images;
  }

  /** Whether a refresh is running (completion marks its list incomplete meanwhile). */
  get refreshing(): boolean {
    return this.inFlight;
  }
}
