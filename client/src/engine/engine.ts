import type { EngineEndpoint } from './connection';
import { createEngineCore } from './core';
import { createListingApi, type ListingApi } from './listing';

export type { CallOptions } from './core';

/**
 * Everything the rest of the client may ask of a Docker engine, in the project's own types.
 * Each area lives in its own module built on EngineCore; this file only composes them.
 */
export interface Engine extends ListingApi {
  /** Where this engine lives, e.g. `unix:///var/run/docker.sock`. */
  readonly target: string;
}

/** Connects to an endpoint. Nothing is sent until the first call. */
export function createEngine(endpoint: EngineEndpoint, defaultTimeoutMs: number): Engine {
  const core = createEngineCore(endpoint, defaultTimeoutMs);
  return {
    target: core.target,
    ...createListingApi(core),
  };
}
