/**
 * The one owner of every engine object: one Engine (one connection, one SSH session) and one
 * `/events` stream per endpoint, shared by the explorer, the Engines view, the status item, the
 * doctor and the commands. Users hold a lease; the engine is closed when the last lease ends.
 * Engines are keyed by what they connect with (the endpoint, the call deadline, the transport
 * settings), so a change of any of those yields a new engine and nothing needs a list of setting
 * names. No `vscode` import: tested in plain Node.
 */
import type { EngineEndpoint } from '../engine/resolution/connection';
import type { Engine, TransportOptions } from '../engine/engine';
import { SharedEventStream } from './sharedEventStream';

/** How engines are connected, besides the endpoint: from the engine settings. */
export interface ConnectionSettings {
  readonly timeoutMs: number;
  readonly transport: TransportOptions;
}

/** Creates the real engine (createEngine in the product). */
export type EngineFactory = (endpoint: EngineEndpoint, settings: ConnectionSettings) => Engine;

/** A hold on a shared engine; `release` once, when the holder is done with it. */
export interface EngineLease {
  /** The shared engine under the holder's name; it has no `dispose`: only the registry closes it. */
  readonly engine: Engine;
  release(): void;
}

interface Entry {
  readonly engine: Engine;
  readonly events: SharedEventStream;
  holders: number;
}

export class EngineRegistry {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly create: EngineFactory) {}

  /** The shared engine for `endpoint` (created on first use), named `name` for titles and prompts. */
  acquire(endpoint: EngineEndpoint, settings: ConnectionSettings, name?: string): EngineLease {
    const key = JSON.stringify({ endpoint, timeoutMs: settings.timeoutMs, transport: settings.transport });
    let entry = this.entries.get(key);
    if (!entry) {
      const engine = this.create(endpoint, settings);
      entry = { engine, events: new SharedEventStream((handlers, options) => engine.watchEvents(handlers, options)), holders: 0 };
      this.entries.set(key, entry);
    }
    entry.holders += 1;
    const held = entry;
    let released = false;
    return {
      engine: shareable(held, name),
      release: () => {
        if (released) {
          return;
        }
        released = true;
        held.holders -= 1;
        if (held.holders === 0 && this.entries.get(key) === held) {
          this.entries.delete(key);
          close(held);
        }
      },
    };
  }

  /** Engines open now (for tests: one per endpoint in use). */
  get size(): number {
    return this.entries.size;
  }

  dispose(): void {
    for (const entry of this.entries.values()) {
      close(entry);
    }
    this.entries.clear();
  }
}

/** The engine as a holder sees it: the shared event stream, its own name, and no way to close it. */
function shareable(entry: Entry, name: string | undefined): Engine {
  const view: Engine = { ...entry.engine, watchEvents: entry.events.watch };
  delete view.dispose;
  delete (view as { name?: string }).name;
  return name !== undefined ? { ...view, name } : view;
}

function close(entry: Entry): void {
  entry.events.dispose();
  entry.engine.dispose?.();
}
