/**
 * Exec over the Engine API: an interactive TTY session on a hijacked connection, and a short
 * non-interactive run (used to probe for a shell). Commands are argument arrays, never shell strings.
 */
import type Docker from 'dockerode';
import type { CallOptions, EngineCore } from '../transport/core';
import { classifyEngineError, EngineError } from '../errors';
import { StreamDemuxer } from './streams';

export interface ExecRequest {
  readonly containerId: string;
  readonly cmd: readonly string[];
  readonly user?: string;
  readonly workingDir?: string;
  readonly rows?: number;
  readonly columns?: number;
}

export interface ExecSession {
  /** Raw terminal output (TTY mode: no multiplexing). */
  onData(listener: (data: Buffer) => void): void;
  /**
   * Called once when the process ends or the connection closes, with the exit code when known, or
   * with `lost` when the session ended because the engine went away or the container was removed.
   */
  onExit(listener: (exitCode: number | undefined, lost?: EngineError) => void): void;
  write(data: string | Buffer): void;
  resize(rows: number, columns: number): Promise<void>;
  /** Closes the connection (the process gets a hangup). */
  close(): void;
}

export interface ExecResult {
  readonly exitCode: number | undefined;
  readonly stdout: string;
  readonly stderr: string;
}

export interface ExecApi {
  startExecSession(request: ExecRequest, options?: CallOptions): Promise<ExecSession>;
  /** Runs a command without a TTY and collects (at most 64 KiB of) its output. */
  runExec(containerId: string, cmd: readonly string[], options?: CallOptions): Promise<ExecResult>;
  /** The image id a container was created from (to remember its shell). */
  containerImageId(containerId: string, options?: CallOptions): Promise<string>;
}

const maxCollected = 64 * 1024;
/** How long an exec killed by a signal waits to learn whether its container is ending too. */
const containerEndWaitMs = 5_000;

interface ExitReport {
  readonly code: number | undefined;
  readonly lost?: EngineError;
}

export function createExecApi({ docker, call, target }: EngineCore): ExecApi {
  /** Whether the container is gone or on its way out (being removed, or dead). */
  const containerGone = (containerId: string): Promise<boolean> =>
    docker
      .getContainer(containerId)
      .inspect()
      .then(
        (container) => container.State.Status === 'removing' || container.State.Dead,
        (error: unknown) => classifyEngineError(error, target).kind === 'notFound',
      );
  const exitOf = async (execId: string, containerId: string): Promise<ExitReport> => {
    const removed = (cause?: unknown): EngineError => new EngineError('notFound', `The container ${containerId.slice(0, 12)} was removed; the session ended.`, cause);
    try {
      const info = await docker.getExec(execId).inspect();
      const code = typeof info.ExitCode === 'number' ? info.ExitCode : undefined;
      if (containerId === '') {
        return { code };
      }
      // A force-removed container leaves an exit code (e.g. 126, 137) that would read like the command's own failure.
      // The exit may arrive while the removal is still in progress, hence the `removing` state.
      if (await containerGone(containerId)) {
        return { code, lost: removed() };
      }
      if (code !== undefined && code >= 128 && (await endsSoon(containerId))) {
        // Killed by a signal while the container still ran: a forced removal kills both at once, and the
        // engine may not have recorded the container's end yet. Ask again once it has.
        return (await containerGone(containerId)) ? { code, lost: removed() } : { code };
      }
      return { code };
    } catch (error) {
      // The session is over either way; say why instead of closing silently.
      const classified = classifyEngineError(error, target);
      const lost = classified.kind === 'notFound' ? removed(error) : new EngineError(classified.kind, `The session ended: ${classified.message}`, error);
      return { code: undefined, lost };
    }
  };
  /**
   * Whether a container stops running within a short while (the engine's own wait, not a poll).
   * Bounded, because an exec killed by someone else leaves its container running.
   */
  const endsSoon = async (containerId: string): Promise<boolean> => {
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), containerEndWaitMs);
    try {
      await docker.getContainer(containerId).wait({ condition: 'not-running', abortSignal: abort.signal });
      return true;
    } catch (error) {
      return !abort.signal.aborted && classifyEngineError(error, target).kind === 'notFound';
    } finally {
      clearTimeout(timer);
    }
  };
  const exitCodeOf = async (execId: string): Promise<number | undefined> => (await exitOf(execId, '')).code;

  return {
    startExecSession: (request, options) =>
      call(options, async (abortSignal) => {
        const container = docker.getContainer(request.containerId);
        const exec = await container.exec({
          abortSignal,
          Cmd: [...request.cmd],
          AttachStdin: true,
          AttachStdout: true,
          AttachStderr: true,
          Tty: true,
          ...(request.user ? { User: request.user } : {}),
          ...(request.workingDir ? { WorkingDir: request.workingDir } : {}),
          Env: ['TERM=xterm-256color'],
        });
        const stream = await exec.start({ hijack: true, stdin: true, Tty: true, Detach: false });
        if (request.rows && request.columns) {
          await exec.resize({ h: request.rows, w: request.columns }).catch(() => undefined);
        }
        let exited = false;
        const exitListeners: ((code: number | undefined, lost?: EngineError) => void)[] = [];
        // Flowing from the start: a paused socket would never report its end when the process exits.
        const dataListeners: ((data: Buffer) => void)[] = [];
        stream.on('data', (chunk: Buffer) => dataListeners.forEach((listener) => listener(chunk)));
        const finish = (): void => {
          if (exited) {
            return;
          }
          exited = true;
          void exitOf(exec.id, request.containerId).then(({ code, lost }) => exitListeners.forEach((listener) => listener(code, lost)));
        };
        stream.on('end', finish);
        stream.on('close', finish);
        stream.on('error', finish);
        return {
          onData: (listener) => void dataListeners.push(listener),
          onExit: (listener) => void exitListeners.push(listener),
          write: (data) => void (stream.writable ? stream.write(data) : undefined),
          resize: async (rows, columns) => {
            if (!exited) {
              await exec.resize({ h: rows, w: columns });
            }
          },
          close: () => stream.destroy(),
        };
      }),
    runExec: (containerId, cmd, options) =>
      call(options, async (abortSignal) => {
        const exec = await docker.getContainer(containerId).exec({ abortSignal, Cmd: [...cmd], AttachStdout: true, AttachStderr: true, Tty: false });
        const stream = await exec.start({ abortSignal, hijack: true, stdin: false, Detach: false });
        const demuxer = new StreamDemuxer();
        const collected = { stdout: '', stderr: '' };
        await new Promise<void>((resolve, reject) => {
          stream.on('data', (chunk: Buffer) => {
            for (const frame of demuxer.push(chunk)) {
              if (frame.stream !== 'stdin' && collected[frame.stream].length < maxCollected) {
                collected[frame.stream] += frame.data.toString('utf8');
              }
            }
          });
          stream.on('end', resolve);
          stream.on('close', resolve);
          stream.on('error', reject);
        });
        return { exitCode: await exitCodeOf(exec.id), ...collected };
      }),
    containerImageId: (containerId, options) =>
      call(options, async (abortSignal) => (await docker.getContainer(containerId).inspect({ abortSignal } as Docker.ContainerInspectOptions)).Image),
  };
}
