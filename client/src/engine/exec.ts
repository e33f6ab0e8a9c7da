/**
 * Exec over the Engine API: an interactive TTY session on a hijacked connection, and a short
 * non-interactive run (used to probe for a shell). Commands are argument arrays, never shell strings.
 */
import type Docker from 'dockerode';
import type { CallOptions, EngineCore } from './core';
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
  /** Called once when the process ends or the connection closes, with the exit code when known. */
  onExit(listener: (exitCode: number | undefined) => void): void;
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

export function createExecApi({ docker, call }: EngineCore): ExecApi {
  const exitCodeOf = async (execId: string): Promise<number | undefined> => {
    try {
      const info = await docker.getExec(execId).inspect();
      return typeof info.ExitCode === 'number' ? info.ExitCode : undefined;
    } catch {
      return undefined; // the container may be gone; the session is over either way
    }
  };

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
        const exitListeners: ((code: number | undefined) => void)[] = [];
        // Flowing from the start: a paused socket would never report its end when the process exits.
        const dataListeners: ((data: Buffer) => void)[] = [];
        stream.on('data', (chunk: Buffer) => dataListeners.forEach((listener) => listener(chunk)));
        const finish = (): void => {
          if (exited) {
            return;
          }
          exited = true;
          void exitCodeOf(exec.id).then((code) => exitListeners.forEach((listener) => listener(code)));
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
