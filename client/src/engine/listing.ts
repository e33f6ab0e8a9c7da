import { ContainerLister, type RawContainer } from './containerHalves';
import type { CallOptions, EngineCore } from './core';
import { toContainerSummary, toEngineVersion, toImageSummary, toNetworkSummary, toVolumeSummary } from './mappers';
import type { ContainerSummary, EngineVersion, ImageSummary, NetworkSummary, VolumeSummary } from './types';

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

export function createListingApi({ docker, call, parallelRequests }: EngineCore): ListingApi {
  const signalled = docker as unknown as SignalledCalls;
  const containers = new ContainerLister(parallelRequests);
  return {
    ping: (options) => call(options, async (abortSignal) => void (await signalled.ping({ abortSignal }))),
    version: (options) => call(options, async (abortSignal) => toEngineVersion(await signalled.version({ abortSignal }))),
    listContainers: (options) =>
      call(options, async (abortSignal) => {
        const raw = await containers.listAll(async (query) => (await docker.listContainers({ all: true, ...query, abortSignal })) as unknown as (RawContainer & Json)[]);
        return raw.map(toContainerSummary);
      }),
    listImages: (options) => call(options, async (abortSignal) => (await docker.listImages({ abortSignal })).map((i) => toImageSummary(i as unknown as Json))),
    listVolumes: (options) =>
      call(options, async (abortSignal) => ((await docker.listVolumes({ abortSignal })).Volumes ?? []).map((v) => toVolumeSummary(v as unknown as Json))),
    listNetworks: (options) => call(options, async (abortSignal) => (await docker.listNetworks({ abortSignal })).map((n) => toNetworkSummary(n as unknown as Json))),
  };
}
