/**
 * Follows one container's logs across restarts: attaches, demultiplexes, splits lines, and when the
 * stream ends (the container stopped) waits for the next start event and re-attaches where it left
 * off, skipping exactly the lines already delivered (logResume.ts). Every line of a running stream
 * is delivered as it comes. No vscode, no dockerode: it runs on LogsApi.
 */
import type { Readable } from 'node:stream';
import { EngineError } from '../errors';
import type { LogsApi } from './logs';
import { LogResumePoint } from './logResume';
import { LineSplitter, splitTimestamp, StreamDemuxer } from './streams';

/** `disconnected`: the engine stopped answering (reconnecting); `reconnected`: it answers again. */
export type LogGap = 'stopped' | 'restarted' | 'removed' | 'disconnected' | 'reconnected';

const firstRewatchDelayMs = 250;
const maxRewatchDelayMs = 2_000;

export interface LogSink {
  line(text: string, stream: 'stdout' | 'stderr', timestamp: string | undefined): void;
  /**
   * A break in the output, with when it happened: the container's own stop or start time from
   * the engine when known (a container followed after it exited stopped long before), else now.
   */
  gap(kind: LogGap, at: Date): void;
  /** The follower gave up (e.g. the engine went away); no more output follows. */
  failed(error: unknown): void;
}

export interface LogFollowOptions {
  readonly tail: number | 'all';
  /** Unix seconds; 0 = no limit. Only for the first attach. */
  readonly since: number;
}

export class LogFollower {
  private readonly watch = new AbortController();
  private current: Readable | undefined;
  private attaching = false;
  private stopped = false;
  private readonly resume = new LogResumePoint();
  /** Settles once the last stream end has been reported, so a restart marker never comes before its stop marker. */
  private stopReported: Promise<void> = Promise.resolve();
  private attachedOnce = false;
  private waitingForStart = false;
  /** Set while the engine is away, so an outage is reported once. */
  private disconnected = false;

  constructor(
    private readonly api: LogsApi,
    private readonly containerId: string,
    private readonly options: LogFollowOptions,
    private readonly sink: LogSink,
  ) {}

  /** Starts following; resolves once the first attach happened (or failed). */
  async start(): Promise<void> {
    // Watch first, so a start event between "stream ended" and "watch opened" cannot be missed.
    void this.keepWatching();
    await this.attach();
  }

  /** Follows the container's events until stopped, subscribing again (with backoff) after the engine went away. */
  private async keepWatching(): Promise<void> {
    let delay = firstRewatchDelayMs;
    while (!this.stopped) {
      try {
        await this.api.watchContainer(this.containerId, (action, at) => this.onEvent(action, at), this.watch.signal, () => {
          delay = firstRewatchDelayMs;
          this.onWatchConnected();
        });
      } catch (error) {
        if (!isEngineAway(error)) {
          if (!this.stopped) {
            this.sink.failed(error);
          }
          return;
        }
        this.markDisconnected();
      }
      if (this.stopped) {
        return;
      }
      await pause(delay, this.watch.signal);
      delay = Math.min(maxRewatchDelayMs, delay * 2);
    }
  }

  private markDisconnected(): void {
    if (!this.disconnected && !this.stopped) {
      this.disconnected = true;
      this.sink.gap('disconnected', new Date());
    }
  }

  /** After an outage the container may be running again with no start event left to hear: check. */
  private onWatchConnected(): void {
    if (!this.disconnected) {
      return;
    }
    this.disconnected = false;
    this.sink.gap('reconnected', new Date());
    this.waitingForStart = true;
    void this.api.containerState(this.containerId).then(
      (state) => (state.running && !this.current ? this.reattach(state.startedAt) : undefined),
      () => undefined,
    );
  }

  stop(): void {
    this.stopped = true;
    this.watch.abort();
    this.current?.destroy();
  }

  private onEvent(action: string, at: Date | undefined): void {
    if (action === 'start' && !this.current) {
      this.reattach(at);
    } else if (action === 'destroy') {
      this.sink.gap('removed', at ?? new Date());
      this.stop();
    }
  }

  /** Marks the gap once (the start event and the state check may both notice the restart). */
  private reattach(startedAt: Date | undefined): void {
    void this.stopReported.then(() => {
      if (this.waitingForStart && !this.stopped) {
        this.waitingForStart = false;
        this.sink.gap('restarted', startedAt ?? new Date());
      }
      return this.attach();
    });
  }

  private async attach(): Promise<void> {
    if (this.attaching || this.current || this.stopped) {
      return;
    }
    this.attaching = true;
    try {
      const resumeSince = this.attachedOnce ? this.resume.beginReattach() : undefined;
      const since = resumeSince ?? this.options.since;
      const tail = this.attachedOnce ? 'all' : this.options.tail;
      const { tty, stream } = await this.api.openLogStream(this.containerId, { follow: true, timestamps: true, tail, since });
      this.attachedOnce = true;
      if (this.stopped) {
        stream.destroy();
        return;
      }
      this.current = stream;
      this.pump(stream, tty);
    } catch (error) {
      if (!this.stopped) {
        this.sink.failed(error);
      }
    } finally {
      this.attaching = false;
    }
  }

  private pump(stream: Readable, tty: boolean): void {
    const demuxer = new StreamDemuxer();
    const splitters = { stdout: new LineSplitter(), stderr: new LineSplitter() };
    const deliver = (name: 'stdout' | 'stderr', lines: string[]): void => {
      for (const raw of lines) {
        const { timestamp, text } = splitTimestamp(raw);
        if (!this.resume.isRepeat(name, timestamp)) {
          this.sink.line(text, name, timestamp);
        }
      }
    };
    stream.on('data', (chunk: Buffer) => {
      if (tty) {
        deliver('stdout', splitters.stdout.push(chunk.toString('utf8')));
        return;
      }
      for (const frame of demuxer.push(chunk)) {
        if (frame.stream !== 'stdin') {
          deliver(frame.stream, splitters[frame.stream].push(frame.data.toString('utf8')));
        }
      }
    });
    const ended = (): void => {
      if (this.current !== stream) {
        return;
      }
      for (const name of ['stdout', 'stderr'] as const) {
        const rest = splitters[name].flush();
        if (rest !== undefined) {
          deliver(name, [rest]);
        }
      }
      this.current = undefined;
      if (this.stopped) {
        return;
      }
      // It may have started again before the end of the old stream arrived; then no event will come.
      this.waitingForStart = true;
      const state = this.api.containerState(this.containerId).catch((error: unknown) => {
        if (isEngineAway(error)) {
          this.markDisconnected();
        }
        return undefined;
      });
      this.stopReported = state.then((known) => {
        if (!this.stopped) {
          this.sink.gap('stopped', known?.finishedAt ?? new Date());
        }
      });
      void this.stopReported.then(async () => {
        const known = await state;
        if (known?.running) {
          this.reattach(known.startedAt);
        }
      });
    };
    stream.on('end', ended);
    stream.on('close', ended);
    stream.on('error', ended);
  }
}

/** Whether a failure means the engine is not answering (worth reconnecting) rather than a real refusal. */
function isEngineAway(error: unknown): boolean {
  return error instanceof EngineError && (error.kind === 'unreachable' || error.kind === 'timeout');
}

/** Waits for `ms`, or less when the signal aborts. */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}
