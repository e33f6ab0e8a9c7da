/** Reading one object's full engine JSON, for the read-only inspect document. */
import type { CallOptions, EngineCore } from '../transport/core';

/** dockerode's typings omit the options (and abortSignal) of some inspect calls; they are passed through. */
interface SignalledInspect {
  inspect(options: { abortSignal: AbortSignal }): Promise<unknown>;
}

export type InspectKind = 'container' | 'image' | 'volume' | 'network';

export interface InspectApi {
  /** The engine's own inspect JSON for one object, unchanged. */
  inspect(kind: InspectKind, id: string, options?: CallOptions): Promise<unknown>;
}

export function createInspectApi({ docker, call }: EngineCore): InspectApi {
  return {
    inspect: (kind, id, options) =>
      call(options, async (abortSignal) => {
        const target: Record<InspectKind, () => unknown> = {
          container: () => docker.getContainer(id),
          image: () => docker.getImage(id),
          volume: () => docker.getVolume(id),
          network: () => docker.getNetwork(id),
        };
        return (target[kind]() as SignalledInspect).inspect({ abortSignal });
      }),
  };
}
