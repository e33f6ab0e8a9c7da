/**
 * Watches several engines side by side: each has its own Engine, its own event stream and its own
 * reachability, so a slow or dead engine never delays the others. No `vscode` import: the status
 * item and the tests read `health` and listen through `onChange`.
 */
import { describeEndpoint } from '../engine/connection';
import type { Engine } from '../engine/engine';
import type { EngineCandidate } from '../engine/engines';
import type { EngineVersion } from '../engine/types';

export type EngineHealthState = 'connecting' | 'reachable' | 'unreachable';

export interface EngineHealth {
  readonly name: string;
  readonly target: string;
  readonly remote: boolean;
  readonly state: EngineHealthState;
  readonly version?: EngineVersion;
  /** Why it is unreachable. */
  readonly error?: string;
}

interface Watched {
  readonly engine: Engine;
  readonly abort: AbortController;
  health: EngineHealth;
}

export class EngineMonitor {
  private watched: Watched[] = [];

  constructor(
    private readonly createEngineFor: (candidate: EngineCandidate) => Engine,
    private readonly onChange: (health: readonly EngineHealth[]) => void,
    /** The longest wait between reconnect attempts of one engine. */
    private readonly maxReconnectDelayMs = 2_000,
  ) {}

  /** The health of every watched engine, in the order given to `watch`. */
  get health(): EngineHealth[] {
    return this.watched.map((entry) => entry.health);
  }

  /**
   * Replaces the watched set: one stream per candidate with an endpoint. With `reuse`, an engine
   * already watched under the same name and address keeps its connection and state (a new order
   * of the same engines costs nothing); every other previous stream is stopped.
   */
  watch(candidates: readonly EngineCandidate[], reuse = false): void {
    const previous = this.watched;
    const kept = new Set<Watched>();
    this.watched = candidates.flatMap((candidate) => {
      if (!candidate.endpoint) {
        return [];
      }
      const target = describeEndpoint(candidate.endpoint);
      const same = reuse ? previous.find((entry) => !kept.has(entry) && entry.health.name === candidate.name && entry.health.target === target) : undefined;
      if (same) {
        kept.add(same);
        return [same];
      }
      const entry: Watched = {
        engine: this.createEngineFor(candidate),
        abort: new AbortController(),
        health: { name: candidate.name, target, remote: candidate.remote, state: 'connecting' },
      };
      return [entry];
    });
    for (const entry of previous.filter((entry) => !kept.has(entry))) {
      entry.abort.abort();
      entry.engine.dispose?.();
    }
    for (const entry of this.watched.filter((entry) => !kept.has(entry))) {
      this.follow(entry);
    }
    this.onChange(this.health);
  }

  dispose(): void {
    this.stopAll();
  }

  private follow(entry: Watched): void {
    const { signal } = entry.abort;
    void entry.engine.watchEvents(
      {
        onEvent: () => undefined,
        onConnection: (state, error) => {
          if (signal.aborted) {
            return;
          }
          if (state === 'disconnected') {
            this.update(entry, { ...withoutVersion(entry.health), state: 'unreachable', ...(error ? { error: error.message } : {}) });
            return;
          }
          this.update(entry, { ...withoutError(entry.health), state: 'reachable' });
          entry.engine.version({ signal }).then(
            (version) => !signal.aborted && this.update(entry, { ...entry.health, version }),
            () => undefined, // the stream reports losses; a failed version call changes nothing
          );
        },
      },
      { signal, maxBackoffMs: this.maxReconnectDelayMs },
    );
  }

  private update(entry: Watched, health: EngineHealth): void {
    if (!this.watched.includes(entry)) {
      return;
    }
    entry.health = health;
    this.onChange(this.health);
  }

  private stopAll(): void {
    for (const entry of this.watched) {
      entry.abort.abort();
      entry.engine.dispose?.();
    }
    this.watched = [];
  }
}

function withoutVersion(health: EngineHealth): EngineHealth {
  const { version: _version, ...rest } = health;
  return rest;
}

function withoutError(health: EngineHealth): EngineHealth {
  const { error: _error, ...rest } = health;
  return rest;
}
