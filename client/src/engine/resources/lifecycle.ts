/**
 * Changing objects one at a time: container state, renames, image tags, volume and network
 * create/remove, network membership. Every call goes through `call` (deadline, cancel, classification).
 */
import type Docker from 'dockerode';
import type { CallOptions, EngineCore } from '../transport/core';

export type ContainerAction = 'start' | 'stop' | 'restart' | 'pause' | 'unpause' | 'kill';

/** The engine's grace period when a container sets none (`docker stop`'s default). */
export const defaultStopGraceSeconds = 10;

export interface StopCallOptions extends CallOptions {
  /** The grace period to use, when the caller already read it (stopGracePeriod); else it is read first. */
  readonly graceSeconds?: number | 'unlimited';
}

export interface LifecycleApi {
  /**
   * Stop and restart send SIGTERM and give the container its grace period before the engine kills
   * it; the call's deadline is that grace period plus the usual deadline, so a container that
   * ignores SIGTERM is not reported as an engine that stopped answering.
   */
  containerAction(id: string, action: ContainerAction, options?: StopCallOptions): Promise<void>;
  /** How long a stop waits for the container to exit before the engine kills it: its own StopTimeout, or the engine's default. */
  stopGracePeriod(id: string, options?: CallOptions): Promise<number | 'unlimited'>;
  /** `force` stops a running container first; callers ask the user before passing it. */
  removeContainer(id: string, force: boolean, options?: CallOptions): Promise<void>;
  renameContainer(id: string, newName: string, options?: CallOptions): Promise<void>;
  /** Removes an image reference (a tag or an id); never forced, so an image in use is refused. */
  removeImage(reference: string, options?: CallOptions): Promise<void>;
  tagImage(id: string, repository: string, tag: string, options?: CallOptions): Promise<void>;
  createVolume(name: string, labels: Readonly<Record<string, string>>, options?: CallOptions): Promise<string>;
  removeVolume(name: string, options?: CallOptions): Promise<void>;
  createNetwork(name: string, labels: Readonly<Record<string, string>>, options?: CallOptions): Promise<string>;
  removeNetwork(id: string, options?: CallOptions): Promise<void>;
  connectNetwork(networkId: string, containerId: string, options?: CallOptions): Promise<void>;
  disconnectNetwork(networkId: string, containerId: string, options?: CallOptions): Promise<void>;
  /** Creates and starts a container from an image; returns its id. */
  runContainer(request: RunRequest, options?: CallOptions): Promise<string>;
}

export interface RunRequest {
  readonly image: string;
  /** Empty or absent: the image's own CMD. */
  readonly cmd?: readonly string[];
  readonly name?: string;
  /** Absent: the engine's default network. */
  readonly networkMode?: string;
  readonly labels?: Readonly<Record<string, string>>;
  /** `NAME=value` entries, as the engine takes them. */
  readonly env?: readonly string[];
  readonly ports?: readonly PortPublication[];
  readonly mounts?: readonly RunMount[];
  readonly restartPolicy?: 'no' | 'on-failure' | 'always' | 'unless-stopped';
  /** Remove the container when it exits (`--rm`). */
  readonly autoRemove?: boolean;
}

/** One published port: the container's port (and protocol) on a host port; host port 0 lets the engine choose. */
export interface PortPublication {
  readonly containerPort: number;
  readonly protocol: 'tcp' | 'udp' | 'sctp';
  readonly hostPort: number;
  /** Host address to bind; absent: all. */
  readonly hostIp?: string;
}

/** A named volume or a host folder (bind mount) at a path in the container. */
export interface RunMount {
  readonly type: 'volume' | 'bind';
  readonly source: string;
  readonly target: string;
  readonly readOnly: boolean;
}

/** The HostConfig and ExposedPorts of a run request (pure; the engine's JSON field names). */
export function runHostConfig(request: RunRequest): { HostConfig: Record<string, unknown>; ExposedPorts?: Record<string, object> } {
  const bindings: Record<string, { HostIp: string; HostPort: string }[]> = {};
  for (const port of request.ports ?? []) {
    const key = `${port.containerPort}/${port.protocol}`;
    (bindings[key] ??= []).push({ HostIp: port.hostIp ?? '', HostPort: port.hostPort === 0 ? '' : String(port.hostPort) });
  }
  const exposed = Object.keys(bindings);
  const hostConfig: Record<string, unknown> = {
    ...(request.networkMode ? { NetworkMode: request.networkMode } : {}),
    ...(exposed.length > 0 ? { PortBindings: bindings } : {}),
    ...(request.mounts && request.mounts.length > 0 ? { Mounts: request.mounts.map((m) => ({ Type: m.type, Source: m.source, Target: m.target, ReadOnly: m.readOnly })) } : {}),
    ...(request.restartPolicy && request.restartPolicy !== 'no' ? { RestartPolicy: { Name: request.restartPolicy } } : {}),
    ...(request.autoRemove ? { AutoRemove: true } : {}),
  };
  return { HostConfig: hostConfig, ...(exposed.length > 0 ? { ExposedPorts: Object.fromEntries(exposed.map((key) => [key, {}])) } : {}) };
}

export function createLifecycleApi({ docker, call }: EngineCore): LifecycleApi {
  // dockerode's typings omit abortSignal on these calls; the option object is passed through as-is.
  const signalled = (abortSignal: AbortSignal, extra: Record<string, unknown> = {}): object => ({ abortSignal, ...extra });
  const stopGracePeriod = (id: string, options?: CallOptions): Promise<number | 'unlimited'> =>
    call(options, async (abortSignal) => {
      const info = await docker.getContainer(id).inspect({ abortSignal } as Docker.ContainerInspectOptions);
      const own = (info.Config as { StopTimeout?: number | null }).StopTimeout;
      // A negative StopTimeout makes the engine wait for the process however long it takes.
      return typeof own === 'number' ? (own < 0 ? 'unlimited' : own) : defaultStopGraceSeconds;
    });
  /** Stop/restart with an explicit `t`, under a deadline that includes it. */
  const stopping = async (id: string, action: 'stop' | 'restart', options: StopCallOptions | undefined): Promise<void> => {
    const grace = options?.graceSeconds ?? (await stopGracePeriod(id, options));
    const waitMs = grace === 'unlimited' ? Infinity : grace * 1000;
    await call({ ...options, waitMs }, async (abortSignal) => {
      const container = docker.getContainer(id);
      const opts = signalled(abortSignal, grace === 'unlimited' ? {} : { t: grace });
      await (action === 'stop' ? container.stop(opts) : container.restart(opts));
    });
  };
  /** The actions that answer at once. */
  const immediate = (id: string, action: 'start' | 'pause' | 'unpause' | 'kill', options: CallOptions | undefined): Promise<void> =>
    call(options, async (abortSignal) => {
      const container = docker.getContainer(id);
      const opts = signalled(abortSignal);
      switch (action) {
        case 'start':
          return void (await container.start(opts));
        case 'pause':
          return void (await container.pause(opts));
        case 'unpause':
          return void (await container.unpause(opts));
        case 'kill':
          return void (await container.kill(opts));
      }
    });
  return {
    stopGracePeriod,
    containerAction: (id, action, options) => (action === 'stop' || action === 'restart' ? stopping(id, action, options) : immediate(id, action, options)),
    removeContainer: (id, force, options) => call(options, async (abortSignal) => void (await docker.getContainer(id).remove(signalled(abortSignal, { force })))),
    renameContainer: (id, newName, options) => call(options, async (abortSignal) => void (await docker.getContainer(id).rename(signalled(abortSignal, { name: newName })))),
    removeImage: (reference, options) => call(options, async (abortSignal) => void (await docker.getImage(reference).remove(signalled(abortSignal)))),
    tagImage: (id, repository, tag, options) => call(options, async (abortSignal) => void (await docker.getImage(id).tag(signalled(abortSignal, { repo: repository, tag }) as Docker.ImageTagOptions))),
    createVolume: (name, labels, options) =>
      call(options, async (abortSignal) => {
        const created = (await docker.createVolume(signalled(abortSignal, { Name: name, Labels: labels }) as Docker.VolumeCreateOptions)) as unknown as { Name?: string; name?: string };
        return created.Name ?? created.name ?? name;
      }),
    removeVolume: (name, options) => call(options, async (abortSignal) => void (await docker.getVolume(name).remove(signalled(abortSignal)))),
    createNetwork: (name, labels, options) =>
      call(options, async (abortSignal) => (await docker.createNetwork(signalled(abortSignal, { Name: name, Labels: labels, CheckDuplicate: true }) as Docker.NetworkCreateOptions)).id),
    removeNetwork: (id, options) => call(options, async (abortSignal) => void (await docker.getNetwork(id).remove(signalled(abortSignal)))),
    connectNetwork: (networkId, containerId, options) =>
      call(options, async (abortSignal) => void (await docker.getNetwork(networkId).connect(signalled(abortSignal, { Container: containerId })))),
    disconnectNetwork: (networkId, containerId, options) =>
      call(options, async (abortSignal) => void (await docker.getNetwork(networkId).disconnect(signalled(abortSignal, { Container: containerId })))),
    runContainer: (request, options) =>
      call(options, async (abortSignal) => {
        const container = await docker.createContainer({
          abortSignal,
          Image: request.image,
          ...(request.cmd && request.cmd.length > 0 ? { Cmd: [...request.cmd] } : {}),
          ...(request.name ? { name: request.name } : {}),
          Labels: { ...request.labels },
          ...(request.env && request.env.length > 0 ? { Env: [...request.env] } : {}),
          ...runHostConfig(request),
        });
        await container.start(signalled(abortSignal));
        return container.id;
      }),
  };
}
