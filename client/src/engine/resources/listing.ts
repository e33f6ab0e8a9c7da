import type { CallOptions, EngineCore } from '../transport/core';
import { toContainerSummary, toEngineVersion, toImageSummary, toNetworkSummary, toVolumeSummary } from './mappers';
import type { ContainerSummary, EngineVersion, ImageSummary, NetworkSummary, VolumeSummary } from '../types';

/** Reading the engine: health, version and the four object lists. */
export interface ListingApi {
  ping(options?: CallOptions): Promise<void>;
  version(options?: CallOptions): Promise<EngineVersion>;
  listContainers(options?: CallOptions): Promise<ContainerSummary[]>;
  listImages(options?: CallOptions): Promise<ImageSummary[]>;
  listVolumes(options?: CallOptions): Promise<VolumeSummary[]>;
  listNetworks(options?: CallOptions): Promise<NetworkSummary[]>;
}

/** dockerode accepts `abortSignal` on these calls, but its published types do not say so yet. */
interface SignalledCalls {
  ping(options: { abortSignal: AbortSignal }): Promise<unknown>;
  version(options: { abortSignal: AbortSignal }): Promise<Record<string, unknown>>;
}

type Json = Record<string, unknown>;

export function createListingApi({ docker, call }: EngineCore): ListingApi {
  const signalled = docker as unknown as SignalledCalls;
  return {
    ping: (options) => call(options, async (abortSignal) => void (await signalled.ping({ abortSignal }))),
    version: (options) => call(options, async (abortSignal) => toEngineVersion(await signalled.version({ abortSignal }))),
    listContainers: (options) =>
      // One request, one snapshot of the engine: the list is never stitched from several answers.
      call(options, async (abortSignal) => (await docker.listContainers({ all: true, abortSignal })).map((c) => toContainerSummary(c as unknown as Json))),
    listImages: (options) => call(options, async (abortSignal) => (await docker.listImages({ abortSignal })).map((i) => toImageSummary(i as unknown as Json))),
    listVolumes: (options) =>
      call(options, async (abortSignal) => ((await docker.listVolumes({ abortSignal })).Volumes ?? []).map((v) => toVolumeSummary(v as unknown as Json))),
    listNetworks: (options) => call(options, async (abortSignal) => (await docker.listNetworks({ abortSignal })).map((n) => toNetworkSummary(n as unknown as Json))),
  };
}
