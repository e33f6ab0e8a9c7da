/**
 * Watches several engines side by side: each has its own reachability, followed on the engine's
 * event stream (the registry's shared one, so the explorer's engine is not connected twice), so a
 * slow or dead engine never delays the others. No `vscode` import: the status item and the tests
 * read `health` and listen through `onChange`.
 */
import { describeEndpoint } from '../engine/resolution/connection';
import type { EngineCandidate } from '../engine/resolution/engines';
import type { EngineVersion } from '../engine/types';
import type { EngineLease } from './engineRegistry';

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
  readonly lease: EngineLease;
  /** The endpoint in full (TLS files included), to tell whether a candidate is the same engine. */
  readonly address: string;
  readonly abort: AbortController;
  health: EngineHealth;
}

export class EngineMonitor {
  private watched: Watched[] = [];

  constructor(
    private readonly acquire: (candidate: EngineCandidate) => EngineLease,
    private readonly onChange: (health: readonly EngineHealth[]) => void,
    /** The longest wait between reconnect attempts of one engine. */
    private readonly maxReconnectDelayMs = 2_000,
  ) {}

  /** The health of every watched engine, in the order given to `watch`. */
  get health(): EngineHealth[] {
    return this.watched.map((entry) => entry.health);
  }

  /**
   * Replaces the watched set: one subscription per candidate with an endpoint. With `reuse`, an
   * engine already watched under the same name and address keeps its subscription and state (a new
   * order of the same engines costs nothing); every other previous subscription is stopped. New
   * leases are taken before old ones end, so an engine kept by both stays connected.
   */
  watch(candidates: readonly EngineCandidate[], reuse = false): void {
    const previous = this.watched;
    const kept = new Set<Watched>();
    this.watched = candidates.flatMap((candidate) => {
      if (!candidate.endpoint) {
        return [];
      }
      const target = describeEndpoint(candidate.endpoint);
      const address = JSON.stringify(candidate.endpoint);
      const same = reuse ? previous.find((entry) => !kept.has(entry) && entry.health.name === candidate.name && entry.address === address) : undefined;
      if (same) {
        kept.add(same);
        return [same];
      }
      const entry: Watched = {
        lease: this.acquire(candidate),
        address,
        abort: new AbortController(),
        health: { name: candidate.name, target, remote: candidate.remote, state: 'connecting' },
      };
      return [entry];
    });
    for (const entry of previous.filter((entry) => !kept.has(entry))) {
      entry.abort.abort();
      entry.lease.release();
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
    const { engine } = entry.lease;
    void engine.watchEvents(
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
          engine.version({ signal }).then(
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
      entry.lease.release();
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
