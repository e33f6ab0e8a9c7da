import type { EngineEndpoint } from './resolution/connection';
import { createEngineCore, type TransportOptions } from './transport/core';
import { createListingApi, type ListingApi } from './resources/listing';
import { createEventsApi, type EventsApi } from './streams/events';
import { createLookupApi, type LookupApi } from './resources/lookup';
import { createExecApi, type ExecApi } from './streams/exec';
import { createInspectApi, type InspectApi } from './resources/inspect';
import { createLifecycleApi, type LifecycleApi } from './resources/lifecycle';
import { createLogsApi, type LogsApi } from './streams/logs';
import { createPruneApi, type PruneApi } from './prune/prune';
import { createBuildApi, type BuildApi } from './build/buildImage';

export type { CallOptions, TransportOptions } from './transport/core';

/**
 * Everything the rest of the client may ask of a Docker engine, in the project's own types.
 * Each area lives in its own module built on EngineCore; this file only composes them.
 */
export interface Engine extends ListingApi, LookupApi, EventsApi, PruneApi, LifecycleApi, InspectApi, ExecApi, LogsApi, BuildApi {
  /** Where this engine lives, e.g. `unix:///var/run/docker.sock`. */
  readonly target: string;
  /** The name the user gave this engine (`berthwise.engine.hosts`, a context, `podman`…), when chosen by name. */
  readonly name?: string;
  /** Closes a held-open connection (SSH); optional so test doubles need not provide it. */
  dispose?(): void;
  /** SSH handshakes made so far (0 for sockets and TCP). */
  handshakes?(): number;
}

/** Connects to an endpoint. Nothing is sent until the first call. `name` is how the UI calls it. */
export function createEngine(endpoint: EngineEndpoint, defaultTimeoutMs: number, transport?: TransportOptions, name?: string): Engine {
  const core = createEngineCore(endpoint, defaultTimeoutMs, transport);
  return {
    target: core.target,
    ...(name !== undefined ? { name } : {}),
    dispose: core.dispose,
    handshakes: core.handshakes,
    ...createListingApi(core),
    ...createLookupApi(core),
    ...createEventsApi(core),
    ...createPruneApi(core),
    ...createLifecycleApi(core),
    ...createInspectApi(core),
    ...createExecApi(core),
    ...createLogsApi(core),
    ...createBuildApi(core),
  };
}

/**
 * How confirmations and progress name the engine they act on: `build (ssh://ci@build:22)` when
 * the user chose it by name among several, else its address.
 */
export function engineTitle(engine: Pick<Engine, 'target' | 'name'>): string {
  return engine.name ? `${engine.name} (${engine.target})` : engine.target;
}
