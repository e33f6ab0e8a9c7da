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
  containerState(containerId: string, options?: CallOptions): Promise<ContainerRunState>;
  /**
   * Calls `onEvent` for each lifecycle event of the container (with the engine's time of it) until
   * `signal` aborts or the stream ends (e.g. the engine went away); `onConnected` once the stream is open.
   */
  watchContainer(containerId: string, onEvent: (action: ContainerEventAction, at: Date | undefined) => void, signal: AbortSignal, onConnected?: () => void): Promise<void>;
}

export interface ContainerRunState {
  readonly running: boolean;
  readonly tty: boolean;
  readonly name: string;
  /** When the current (or last) run started; undefined if it never ran. */
  readonly startedAt?: Date;
  /** When the last run ended; undefined if it never ended. */
  readonly finishedAt?: Date;
}

const watchedActions = new Set<string>(['start', 'die', 'destroy', 'restart', 'stop']);

interface Dialable {
  dial(options: Record<string, unknown>, callback: (error: unknown, data: unknown) => void): void;
}

export function createLogsApi({ docker, call }: EngineCore): LogsApi {
  const modem = (docker as unknown as { modem: Dialable }).modem;
  const dialStream = (options: Record<string, unknown>): Promise<Readable> =>
    new Promise((resolve, reject) => modem.dial(options, (error, data) => (error ? reject(error instanceof Error ? error : new Error(JSON.stringify(error))) : resolve(data as Readable))));
  const containerState = (containerId: string, options?: CallOptions): Promise<ContainerRunState> =>
    call(options, async (abortSignal) => {
      const info = await docker.getContainer(containerId).inspect({ abortSignal } as Docker.ContainerInspectOptions);
      const startedAt = engineTime(info.State.StartedAt);
      const finishedAt = engineTime(info.State.FinishedAt);
      return { running: info.State.Running, tty: info.Config.Tty, name: info.Name.replace(/^\//, ''), ...(startedAt ? { startedAt } : {}), ...(finishedAt ? { finishedAt } : {}) };
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
            const event = parseContainerEvent(line);
            if (event) {
              onEvent(event.action, event.at);
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
  return parseContainerEvent(line)?.action;
}

/** The action and engine time of one `/events` JSON line when it is a lifecycle action we follow. */
export function parseContainerEvent(line: string): { action: ContainerEventAction; at: Date | undefined } | undefined {
  try {
    const event = JSON.parse(line) as { Action?: unknown; status?: unknown; timeNano?: unknown; time?: unknown };
    const action = typeof event.Action === 'string' ? event.Action : typeof event.status === 'string' ? event.status : '';
    if (!watchedActions.has(action)) {
      return undefined;
    }
    const millis = typeof event.timeNano === 'number' ? Math.floor(event.timeNano / 1e6) : typeof event.time === 'number' ? event.time * 1000 : undefined;
    return { action: action as ContainerEventAction, at: millis === undefined ? undefined : new Date(millis) };
  } catch {
    return undefined;
  }
}

/** An engine state time, or undefined for the zero time the engine writes for "never". */
function engineTime(text: string | undefined): Date | undefined {
  const millis = text ? Date.parse(text) : NaN;
  return Number.isNaN(millis) || millis <= 0 ? undefined : new Date(millis);
}
