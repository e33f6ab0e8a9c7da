/**
 * The one place that decides when the explorer talks to the engine. Events come first: each event
 * is applied to the one affected object (one lookup) after a short debounce that merges bursts. A
 * slow reconciliation poll runs only while a view is visible and the event stream is down. While
 * every view is hidden, nothing runs at all. No `vscode` import: tested in plain Node.
 */
import type { Engine } from '../engine/engine';
import { EngineError } from '../engine/errors';
import type { EngineEvent, EngineObjectKind, EngineVersion } from '../engine/types';
import { descriptors } from './descriptorTable';
import { AnnouncedStates } from './announcedStates';
import { effectKey, effectsOf, type EventEffect } from './eventPlan';
import { objectKinds, type ExplorerState, type ObjectsByKind } from './explorerState';

export interface RefreshControllerOptions {
  /** The engine to use; may throw an EngineError (e.g. a malformed host). */
  readonly engine: () => Engine;
  readonly state: ExplorerState;
  /** The kinds whose objects changed, so only those views re-render. */
  readonly onDidChange: (kinds: ReadonlySet<EngineObjectKind>) => void;
  /** A kind's last load failed (error) or succeeded again (undefined). */
  readonly onFailure: (kind: EngineObjectKind, error: EngineError | undefined) => void;
  readonly onReachability: (reachable: boolean, detail: { readonly version?: EngineVersion; readonly error?: EngineError }) => void;
  readonly log: (level: 'info' | 'warn', message: string) => void;
  /** How long to gather a burst of events before applying it. */
  readonly debounceMs?: number;
  /** The fallback re-list interval while the event stream is down. */
  readonly reconcileIntervalMs?: number;
  /** Above this many distinct objects in one burst, re-listing the kind is cheaper than one lookup each. */
  readonly maxLookupsPerBurst?: number;
  /** The longest wait between reconnect attempts; it bounds how long views lag behind a restarted engine. */
  readonly maxReconnectDelayMs?: number;
}

/** One running connection: its cancellation and the event stream's health. */
interface Session {
  readonly abort: AbortController;
  streaming: boolean;
  wasDown: boolean;
  poll?: ReturnType<typeof setInterval>;
}

const toEngineError = (error: unknown): EngineError => (error instanceof EngineError ? error : new EngineError('other', error instanceof Error ? error.message : String(error), error));

export class RefreshController {
  private readonly visible = new Set<EngineObjectKind>();
  private readonly loading = new Map<EngineObjectKind, Promise<void>>();
  private readonly pending = new Map<string, EventEffect>();
  private session: Session | undefined;
  private flushTimer: ReturnType<typeof setTimeout> | undefined;
  private flushing: Promise<void> = Promise.resolve();
  /** Container states announced by events ahead of the engine's list, and the lookups to make again. */
  private readonly announced: AnnouncedStates;

  constructor(private readonly options: RefreshControllerOptions) {
    this.announced = new AnnouncedStates({
      inspect: async (effect, signal) => {
        await this.options.engine().inspect(effect.kind, effect.id, { signal });
      },
      plan: (effect) => this.plan(effect),
      log: (message) => this.options.log('warn', message),
    });
  }

  /** Kinds to keep current: the visible ones, plus containers, which the other views cross-reference. */
  private get needed(): Set<EngineObjectKind> {
    return this.visible.size === 0 ? new Set() : new Set<EngineObjectKind>([...this.visible, 'container']);
  }

  /** Tells the controller a view appeared or disappeared (TreeView.onDidChangeVisibility). */
  setVisible(kind: EngineObjectKind, isVisible: boolean): void {
    const wasActive = this.visible.size > 0;
    if (isVisible) {
      this.visible.add(kind);
    } else {
      this.visible.delete(kind);
    }
    if (this.visible.size === 0) {
      if (wasActive) {
        this.stop();
      }
      return;
    }
    const starting = !this.session;
    if (starting) {
      this.start();
    }
    this.ensureLoaded();
    if (starting) {
      this.reportVersion();
    }
  }

  /** Asks for the engine version (for the status item) once the first lists are in, so it never delays them. */
  private reportVersion(): void {
    const session = this.session;
    void Promise.all(this.loading.values()).then(async () => {
      if (session !== this.session || !session) {
        return;
      }
      try {
        this.options.onReachability(true, { version: await this.options.engine().version({ signal: session.abort.signal }) });
      } catch (error) {
        this.reportFailure(undefined, error);
      }
    });
  }

  /** Re-lists every needed kind (the Refresh and Retry actions). */
  refresh(): Promise<void> {
    if (!this.session && this.visible.size > 0) {
      this.start();
    }
    return this.loadKinds([...this.needed]);
  }

  /** Drops the connection and starts over, e.g. after the engine setting changed. */
  restart(): void {
    const active = this.visible.size > 0;
    this.stop();
    this.options.state.clear(); // another engine: nothing of the old one may show
    if (active) {
      this.start();
      this.ensureLoaded();
    }
  }

  /** Resolves once pending events and loads are applied (for tests and benchmarks). */
  async settled(): Promise<void> {
    for (;;) {
      if (this.flushTimer !== undefined) {
        this.flushNow();
      }
      const flushing = this.flushing;
      await Promise.all([...this.loading.values(), flushing, this.announced.retriesPlanned()]);
      if (this.loading.size === 0 && this.flushing === flushing && this.flushTimer === undefined && !this.announced.retrying) {
        return;
      }
    }
  }

  dispose(): void {
    this.visible.clear();
    this.stop();
  }

  private start(): void {
    const session: Session = { abort: new AbortController(), streaming: false, wasDown: false };
    this.session = session;
    let engine: Engine;
    try {
      engine = this.options.engine();
    } catch (error) {
      this.options.onReachability(false, { error: toEngineError(error) });
      return;
    }
    void engine.watchEvents(
      {
        onEvent: (event) => this.onEvent(event),
        onConnection: (state, error) => this.onConnection(session, state, error),
      },
      // A short cap keeps recovery after an engine restart within a few seconds; a refused connect costs nothing.
      { signal: session.abort.signal, maxBackoffMs: this.options.maxReconnectDelayMs ?? 2_000 },
    );
  }

  private stop(): void {
    if (this.session) {
      this.session.abort.abort();
      clearInterval(this.session.poll);
      this.session = undefined;
    }
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    this.pending.clear();
    this.announced.clear();
    // Loads of the old session are discarded when they land; they must not stop the next session's loads.
    this.loading.clear();
    // Events are not followed while hidden, so what we hold may go stale: list again on the next show.
    for (const kind of objectKinds) {
      this.options.state.invalidate(kind);
    }
  }

  private onConnection(session: Session, state: 'connected' | 'disconnected', error: EngineError | undefined): void {
    if (session !== this.session) {
      return;
    }
    if (state === 'connected') {
      session.streaming = true;
      clearInterval(session.poll);
      session.poll = undefined;
      if (session.wasDown) {
        // The stream only connects to an engine that answers: the views may leave "unreachable" now.
        this.options.onReachability(true, {});
        // Events were missed while the stream was down: reconcile once, then follow events again.
        this.options.log('info', 'The engine event stream is back; reconciling the explorer.');
        void this.loadKinds([...this.needed]);
      }
      return;
    }
    session.streaming = false;
    session.wasDown = true;
    this.options.log('warn', `The engine event stream is down (${error?.message ?? 'no reason given'}); reconnecting with backoff.`);
    if (error && (error.kind === 'unreachable' || error.kind === 'permissionDenied')) {
      this.options.onReachability(false, { error });
    }
    if (session.poll === undefined) {
      session.poll = setInterval(() => void this.loadKinds([...this.needed]), this.options.reconcileIntervalMs ?? 30_000);
    }
  }

  private onEvent(event: EngineEvent): void {
    const effects = effectsOf(event);
    this.announced.note(event, effects);
    for (const effect of effects) {
      this.plan(effect);
    }
  }

  private plan(effect: EventEffect): void {
    const key = effectKey(effect);
    if (effect.type === 'none' || !this.needed.has(effect.kind)) {
      return; // a kind nobody shows is listed afresh when its view opens
    }
    this.pending.delete(key); // re-insert so the latest effect for an object wins and keeps event order
    this.pending.set(key, effect);
    if (this.flushTimer === undefined) {
      this.flushTimer = setTimeout(() => this.flushNow(), this.options.debounceMs ?? 10);
    }
  }

  private flushNow(): void {
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    const batch = [...this.pending.values()];
    this.pending.clear();
    this.flushing = this.flushing.then(() => this.apply(batch));
  }

  /** Applies one burst: removals need no call, lookups one call each, big bursts one list per kind. */
  private async apply(batch: readonly EventEffect[]): Promise<void> {
    const session = this.session;
    if (!session) {
      return;
    }
    // A list in flight would overwrite what the events say; let it land first.
    await Promise.all(this.loading.values());
    const limit = this.options.maxLookupsPerBurst ?? 50;
    const relist = new Set<EngineObjectKind>(batch.flatMap((effect) => (effect.type === 'relist' ? [effect.kind] : [])));
    for (const kind of objectKinds) {
      if (batch.filter((effect) => effect.type === 'fetch' && effect.kind === kind).length > limit) {
        relist.add(kind);
      }
    }
    const changed = new Set<EngineObjectKind>();
    const work = batch.map(async (effect) => {
      if (effect.type === 'none' || effect.type === 'relist' || relist.has(effect.kind) || !this.options.state.isLoaded(effect.kind)) {
        return;
      }
      if (effect.type === 'remove') {
        if (this.removeObject(effect.kind, effect.id)) {
          changed.add(effect.kind);
        }
        return;
      }
      const expectation = this.announced.expectationFor(effect);
      try {
        const found = await this.lookup(effect.kind, effect.id, session.abort.signal);
        if (session !== this.session) {
          return;
        }
        if (found) {
          this.options.state.upsert(effect.kind, found);
          changed.add(effect.kind);
          if (expectation && 'state' in found && typeof found.state === 'string') {
            this.announced.checkAnswer(effect, found.state, expectation, session.abort.signal, () => session === this.session);
          }
        } else if (this.removeObject(effect.kind, effect.id)) {
          changed.add(effect.kind);
        }
      } catch (error) {
        this.options.log('warn', `Updating ${effect.kind} ${effect.id} after an event failed: ${toEngineError(error).message}`);
        relist.add(effect.kind);
      }
    });
    await Promise.all(work);
    if (changed.size > 0 && session === this.session) {
      this.options.onDidChange(changed);
    }
    await this.loadKinds([...relist].filter((kind) => this.needed.has(kind)));
  }

  private removeObject(kind: EngineObjectKind, id: string): boolean {
    return descriptors[kind].keysOf(id).some((key) => this.options.state.remove(kind, key));
  }

  private lookup(kind: EngineObjectKind, id: string, signal: AbortSignal): Promise<ObjectsByKind[EngineObjectKind] | undefined> {
    return descriptors[kind].find(this.options.engine(), id, signal);
  }

  private ensureLoaded(): void {
    void this.loadKinds([...this.needed].filter((kind) => !this.options.state.isLoaded(kind) && !this.loading.has(kind)));
  }

  private async loadKinds(kinds: readonly EngineObjectKind[]): Promise<void> {
    await Promise.all(kinds.map((kind) => this.loadKind(kind)));
  }

  private loadKind(kind: EngineObjectKind): Promise<void> {
    const session = this.session;
    if (!session) {
      return Promise.resolve();
    }
    const load: Promise<void> = this.listInto(kind, session).finally(() => {
      if (this.loading.get(kind) === load) {
        this.loading.delete(kind);
      }
    });
    this.loading.set(kind, load);
    return load;
  }

  private async listInto(kind: EngineObjectKind, session: Session): Promise<void> {
    try {
      const items = await this.list(kind, session.abort.signal);
      if (session !== this.session) {
        return;
      }
      this.options.state.replace(kind, items);
      this.options.onFailure(kind, undefined);
      this.options.onDidChange(new Set([kind]));
    } catch (error) {
      if (session === this.session) {
        this.reportFailure(kind, error);
      }
    }
  }

  private reportFailure(kind: EngineObjectKind | undefined, error: unknown): void {
    const classified = toEngineError(error);
    if (classified.kind === 'cancelled') {
      return;
    }
    if (kind) {
      this.options.log('warn', `Listing ${kind}s failed: ${classified.message}`);
      this.options.onFailure(kind, classified);
    }
    if (classified.kind === 'unreachable' || classified.kind === 'permissionDenied' || classified.kind === 'timeout') {
      this.options.onReachability(false, { error: classified });
    }
  }

  private list(kind: EngineObjectKind, signal: AbortSignal): Promise<ObjectsByKind[EngineObjectKind][]> {
    return descriptors[kind].list(this.options.engine(), signal);
  }
}
