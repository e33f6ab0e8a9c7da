/**
 * One `/events` stream per engine, however many listen: the explorer's refresh controller and the
 * engine monitor subscribe here instead of opening a stream each. The stream opens with the first
 * subscriber and closes with the last; a subscriber that arrives while the stream is up (or known
 * down) hears that state at once, as it would have from a stream of its own. No `vscode` import.
 */
import type { EngineError } from '../engine/errors';
import type { EventHandlers, EventsApi, EventWatchOptions } from '../engine/streams/events';

type ConnectionState = { readonly state: 'connected' } | { readonly state: 'disconnected'; readonly error?: EngineError };

export class SharedEventStream {
  private readonly subscribers = new Set<EventHandlers>();
  private stream: AbortController | undefined;
  private last: ConnectionState | undefined;

  /** `open` starts the one real stream (the engine's own watchEvents). */
  constructor(private readonly open: EventsApi['watchEvents']) {}

  /** Same contract as EventsApi.watchEvents: resolves once this subscriber's signal aborts. */
  readonly watch: EventsApi['watchEvents'] = (handlers, options) => {
    if (options.signal.aborted) {
      return Promise.resolve();
    }
    this.subscribers.add(handlers);
    if (!this.stream) {
      this.start(options);
    } else if (this.last?.state === 'connected') {
      handlers.onConnection?.('connected');
    } else if (this.last?.state === 'disconnected') {
      handlers.onConnection?.('disconnected', this.last.error);
    }
    return new Promise<void>((resolve) => {
      options.signal.addEventListener(
        'abort',
        () => {
          this.subscribers.delete(handlers);
          if (this.subscribers.size === 0) {
            this.stop();
          }
          resolve();
        },
        { once: true },
      );
    });
  };

  /** How many subscribers listen now (for tests). */
  get listeners(): number {
    return this.subscribers.size;
  }

  /** Ends the stream; subscribers hear nothing more (the registry disposes replaced engines this way). */
  dispose(): void {
    this.stop();
    this.subscribers.clear();
  }

  private start(options: EventWatchOptions): void {
    const stream = new AbortController();
    this.stream = stream;
    this.last = undefined;
    const current = (): boolean => this.stream === stream;
    void this.open(
      {
        onEvent: (event) => current() && [...this.subscribers].forEach((subscriber) => subscriber.onEvent(event)),
        onConnection: (state, error) => {
          if (!current()) {
            return;
          }
          this.last = state === 'connected' ? { state } : { state, ...(error ? { error } : {}) };
          [...this.subscribers].forEach((subscriber) => subscriber.onConnection?.(state, error));
        },
      },
      {
        signal: stream.signal,
        ...(options.initialBackoffMs !== undefined ? { initialBackoffMs: options.initialBackoffMs } : {}),
        ...(options.maxBackoffMs !== undefined ? { maxBackoffMs: options.maxBackoffMs } : {}),
      },
    );
  }

  private stop(): void {
    this.stream?.abort();
    this.stream = undefined;
    this.last = undefined;
  }
}
