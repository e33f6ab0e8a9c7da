import Docker from 'dockerode';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeEndpoint, type EngineEndpoint } from './connection';
import { classifyEngineError, EngineError } from './errors';
import { toContainerSummary, toEngineVersion, toImageSummary, toNetworkSummary, toVolumeSummary } from './mappers';
import type { ContainerSummary, EngineVersion, ImageSummary, NetworkSummary, VolumeSummary } from './types';

/** Per-call options: every engine call can be cancelled and has a deadline. */
export interface CallOptions {
  readonly signal?: AbortSignal;
  readonly timeoutMs?: number;
}

/** Everything the rest of the client may ask of a Docker engine. */
export interface Engine {
  /** Where this engine lives, e.g. `unix:///var/run/docker.sock`. */
  readonly target: string;
  ping(options?: CallOptions): Promise<void>;
  version(options?: CallOptions): Promise<EngineVersion>;
  listContainers(options?: CallOptions): Promise<ContainerSummary[]>;
  listImages(options?: CallOptions): Promise<ImageSummary[]>;
  listVolumes(options?: CallOptions): Promise<VolumeSummary[]>;
  listNetworks(options?: CallOptions): Promise<NetworkSummary[]>;
}

/** Connects dockerode to an endpoint. Nothing is sent until the first call. */
export function createEngine(endpoint: EngineEndpoint, defaultTimeoutMs: number): Engine {
  const docker = new Docker(toDockerodeOptions(endpoint));
  const signalled = docker as unknown as SignalledCalls;
  const target = describeEndpoint(endpoint);
  const call = <T>(options: CallOptions | undefined, work: (signal: AbortSignal) => Promise<T>): Promise<T> =>
    withDeadline(target, options?.timeoutMs ?? defaultTimeoutMs, options?.signal, work);

  return {
    target,
    ping: (options) => call(options, async (abortSignal) => void (await signalled.ping({ abortSignal }))),
    version: (options) => call(options, async (abortSignal) => toEngineVersion(await signalled.version({ abortSignal }))),
    listContainers: (options) =>
      call(options, async (abortSignal) => (await docker.listContainers({ all: true, abortSignal })).map((c) => toContainerSummary(c as unknown as Record<string, unknown>))),
    listImages: (options) =>
      call(options, async (abortSignal) => (await docker.listImages({ abortSignal })).map((i) => toImageSummary(i as unknown as Record<string, unknown>))),
    listVolumes: (options) =>
      call(options, async (abortSignal) => ((await docker.listVolumes({ abortSignal })).Volumes ?? []).map((v) => toVolumeSummary(v as unknown as Record<string, unknown>))),
    listNetworks: (options) =>
      call(options, async (abortSignal) => (await docker.listNetworks({ abortSignal })).map((n) => toNetworkSummary(n as unknown as Record<string, unknown>))),
  };
}

/** dockerode accepts `abortSignal` on these calls, but its published types do not say so yet. */
interface SignalledCalls {
  ping(options: { abortSignal: AbortSignal }): Promise<unknown>;
  version(options: { abortSignal: AbortSignal }): Promise<Record<string, unknown>>;
}

function toDockerodeOptions(endpoint: EngineEndpoint): Docker.DockerOptions {
  switch (endpoint.kind) {
    case 'unix':
      return { socketPath: endpoint.socketPath };
    case 'tcp':
      return endpoint.tls
        ? { protocol: 'https', host: endpoint.host, port: endpoint.port, ...readTlsFiles(endpoint.certPath) }
        : { protocol: 'http', host: endpoint.host, port: endpoint.port };
    case 'ssh':
      return { protocol: 'ssh', host: endpoint.host, port: endpoint.port, ...(endpoint.username ? { username: endpoint.username } : {}) };
  }
}

function readTlsFiles(certPath: string | undefined): { ca?: Buffer; cert?: Buffer; key?: Buffer } {
  if (!certPath) {
    return {};
  }
  try {
    return {
      ca: readFileSync(join(certPath, 'ca.pem')),
      cert: readFileSync(join(certPath, 'cert.pem')),
      key: readFileSync(join(certPath, 'key.pem')),
    };
  } catch (error) {
    throw new EngineError('other', `Cannot read the TLS files in ${certPath} (ca.pem, cert.pem, key.pem): ${String(error)}`, error);
  }
}

/** Runs one engine call under a deadline and the caller's cancellation, classifying any failure. */
async function withDeadline<T>(target: string, timeoutMs: number, outer: AbortSignal | undefined, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const onOuterAbort = (): void => controller.abort();
  outer?.addEventListener('abort', onOuterAbort, { once: true });
  try {
    if (outer?.aborted) {
      throw new EngineError('cancelled', 'Cancelled.');
    }
    return await work(controller.signal);
  } catch (error) {
    if (timedOut) {
      throw new EngineError('timeout', `The Docker engine at ${target} did not answer within ${timeoutMs} ms.`, error);
    }
    if (outer?.aborted) {
      throw new EngineError('cancelled', 'Cancelled.', error);
    }
    throw classifyEngineError(error, target);
  } finally {
    clearTimeout(timer);
    outer?.removeEventListener('abort', onOuterAbort);
  }
}
