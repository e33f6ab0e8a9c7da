import type { CallOptions, EngineCore } from '../transport/core';
import { EngineError } from '../errors';
import { toContainerSummary, toImageSummary, toNetworkSummary, toVolumeSummary } from './mappers';
import type { ContainerSummary, ImageSummary, NetworkSummary, VolumeSummary } from '../types';

/**
 * One object by id, in the same shape as the lists, with exactly one engine call each: what the
 * explorer uses to apply one event to one item. Undefined when the object no longer exists.
 */
export interface LookupApi {
  findContainer(id: string, options?: CallOptions): Promise<ContainerSummary | undefined>;
  findImage(id: string, options?: CallOptions): Promise<ImageSummary | undefined>;
  findVolume(name: string, options?: CallOptions): Promise<VolumeSummary | undefined>;
  findNetwork(id: string, options?: CallOptions): Promise<NetworkSummary | undefined>;
}

type Json = Record<string, unknown>;

/** Maps "not found" to undefined; every other failure stays an error. */
async function orUndefined<T>(lookup: Promise<T>): Promise<T | undefined> {
  try {
    return await lookup;
  } catch (error) {
    if (error instanceof EngineError && error.kind === 'notFound') {
      return undefined;
    }
    throw error;
  }
}

export function createLookupApi({ docker, call }: EngineCore): LookupApi {
  // dockerode forwards `abortSignal` on inspect calls, but its published types do not say so.
  type Inspectable = { inspect(options: { abortSignal: AbortSignal }): Promise<unknown> };
  const inspect = async (object: unknown, abortSignal: AbortSignal): Promise<Json> => (await (object as Inspectable).inspect({ abortSignal })) as Json;
  return {
    // The container list filtered by id has the list's shape (ports, mounts, networks, status text),
    // which inspect does not; the `id` filter matches prefixes, so keep only the exact id.
    findContainer: (id, options) =>
      call(options, async (abortSignal) => {
        const found = await docker.listContainers({ all: true, filters: JSON.stringify({ id: [id] }), abortSignal });
        const exact = found.find((entry) => entry.Id === id) ?? (found.length === 1 ? found[0] : undefined);
        return exact ? toContainerSummary(exact as unknown as Json) : undefined;
      }),
    findImage: (id, options) =>
      orUndefined(call(options, async (abortSignal) => toImageSummary(await inspect(docker.getImage(id), abortSignal)))),
    findVolume: (name, options) =>
      orUndefined(call(options, async (abortSignal) => toVolumeSummary(await inspect(docker.getVolume(name), abortSignal)))),
    findNetwork: (id, options) =>
      orUndefined(call(options, async (abortSignal) => toNetworkSummary(await inspect(docker.getNetwork(id), abortSignal)))),
  };
}
