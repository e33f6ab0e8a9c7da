/**
 * Container logs and container events for one container: the raw log stream (multiplexed unless
 * the container has a TTY) and a watch for start/stop so a logs view can re-attach after a restart.
 */
import type { Readable } from 'node:stream';
import type Docker from 'dockerode';
import type { CallOptions, EngineCore } from '../transport/core';
import { BoundedLogSnapshot, type LogSnapshot } from './logSnapshot';
import { LineSplitter } from './streams';

export interface LogRequest {
  readonly follow: boolean;
  /** Always useful internally: re-attaching after a restart skips lines already shown by timestamp. */
  readonly timestamps: boolean;
  /** Number of lines from the end, or 'all'. */
  readonly tail: number | 'all';
  /** Unix seconds; 0 = from the beginning. */
  readonly since: number;
}

export interface LogStream {
  /** True when the container has a TTY: the bytes are raw, not multiplexed. */
  readonly tty: boolean;
  readonly stream: Readable;
}

export type ContainerEventAction = 'start' | 'die' | 'destroy' | 'restart' | 'stop';

export interface LogsApi {
  openLogStream(containerId: string, request: LogRequest, options?: CallOptions): Promise<LogStream>;
  /** A finished snapshot (no follow): the newest raw bytes, bounded in size, plus whether they are multiplexed. */
  readLogs(containerId: string, request: Omit<LogRequest, 'follow'>, options?: CallOptions): Promise<{ tty: boolean } & LogSnapshot>;
  containerState(containerId: string, options?: CallOptions): Promise<{ running: boolean; tty: boolean; name: string }>;
  /**
   * Calls `onEvent` for each lifecycle event of the container until `signal` aborts or the stream
   * ends (e.g. the engine went away); `onConnected` once the stream is open.
   */
  watchContainer(containerId: string, onEvent: (action: ContainerEventAction) => void, signal: AbortSignal, onConnected?: () => void): Promise<void>;
}

const watchedActions = new Set<string>(['start', 'die', 'destroy', 'restart', 'stop']);

interface Dialable {
  dial(options: Record<string, unknown>, callback: (error: unknown, data: unknown) => void): void;
}

export function createLogsApi({ docker, call }: EngineCore): LogsApi {
  const modem = (docker as unknown as { modem: Dialable }).modem;
  const dialStream = (options: Record<string, unknown>): Promise<Readable> =>
    new Promise((resolve, reject) => modem.dial(options, (error, data) => (error ? reject(error instanceof Error ? error : new Error(JSON.stringify(error))) : resolve(data as Readable))));
  const containerState = (containerId: string, options?: CallOptions): Promise<{ running: boolean; tty: boolean; name: string }> =>
    call(options, async (abortSignal) => {
      const info = await docker.getContainer(containerId).inspect({ abortSignal } as Docker.ContainerInspectOptions);
      return { running: info.State.Running, tty: info.Config.Tty, name: info.Name.replace(/^\//, '') };
    });
  const logOptions = (request: Omit<LogRequest, 'follow'>): Record<string, unknown> => ({
    stdout: true,
    stderr: true,
    timestamps: request.timestamps,
    tail: request.tail === 'all' ? 'all' : String(request.tail),
    ...(request.since > 0 ? { since: request.since } : {}),
  });
  return {
    containerState,
    openLogStream: async (containerId, request, options) => {
      const { tty } = await containerState(containerId, options);
      // The deadline covers opening the stream only: `call` returns as soon as the headers arrive.
      const stream = await call(options, async (abortSignal) => {
        const result = await docker.getContainer(containerId).logs({ ...logOptions(request), follow: true, abortSignal } as Docker.ContainerLogsOptions & { follow: true });
        return result as unknown as Readable;
      });
      return { tty, stream };
    },
    readLogs: async (containerId, request, options) => {
      const { tty } = await containerState(containerId, options);
      const snapshot = await call(options, async (abortSignal) => {
        // Streamed, not buffered by dockerode: only the bounded newest part is ever held.
        const stream = await dialStream({ path: `/containers/${encodeURIComponent(containerId)}/logs?`, method: 'GET', abortSignal, isStream: true, statusCodes: { 200: true, 404: 'no such container', 500: 'server error' }, options: { ...logOptions(request), follow: false } });
        const collector = new BoundedLogSnapshot(tty);
        await new Promise<void>((resolve, reject) => {
          stream.on('data', (chunk: Buffer) => collector.push(chunk));
          stream.once('end', resolve);
          stream.once('close', resolve);
          stream.once('error', reject);
        });
        return collector.result();
      });
      return { tty, ...snapshot };
    },
    watchContainer: async (containerId, onEvent, signal, onConnected) => {
      const stream = (await call({ signal }, () =>
        docker.getEvents({ abortSignal: signal, filters: JSON.stringify({ container: [containerId], type: ['container'] }) } as Docker.GetEventsOptions),
      )) as unknown as Readable;
      onConnected?.();
      const lines = new LineSplitter();
      await new Promise<void>((resolve) => {
        const stop = (): void => {
          stream.destroy();
          resolve();
        };
        signal.addEventListener('abort', stop, { once: true });
        stream.on('data', (chunk: Buffer) => {
          for (const line of lines.push(chunk.toString('utf8'))) {
            const action = parseEventAction(line);
            if (action) {
              onEvent(action);
            }
          }
        });
        stream.on('end', stop);
        stream.on('close', stop);
        stream.on('error', stop);
      });
    },
  };
}

/** The action of one `/events` JSON line when it is a lifecycle action we follow. */
export function parseEventAction(line: string): ContainerEventAction | undefined {
  try {
    const event = JSON.parse(line) as { Action?: unknown; status?: unknown };
    const action = typeof event.Action === 'string' ? event.Action : typeof event.status === 'string' ? event.status : '';
    return watchedActions.has(action) ? (action as ContainerEventAction) : undefined;
  } catch {
    return undefined;
  }
}
