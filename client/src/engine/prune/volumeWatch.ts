/**
 * Proving that a volume is still the one a prune preview listed. A volume has no id, only a name,
 * and its CreatedAt has whole-second resolution, so a volume deleted and made again under the same
 * name within that second looks identical over the API. What the engine does give is its event
 * stream: every deletion sends a `volume destroy`. So a watch starts before the preview is read,
 * and a volume whose name was destroyed since then is not the previewed one.
 *
 * Events still on their way when a removal is about to start are read from the engine's event
 * buffer (`/events?since&until`: Docker 20.10 keeps the newest 256, measured). If that buffer no
 * longer reaches back to the last event the watch received, or the live stream broke, nothing can
 * be proven and the answer is 'unknown': the caller keeps the volume.
 */
import type { Readable } from 'node:stream';
import type { CallOptions, EngineCore } from '../transport/core';
import { LineSplitter } from '../streams/streams';

export type VolumeIdentity = 'unchanged' | 'changed' | 'unknown';

export interface VolumeChangeWatch {
  /** Whether the volume called `name` can have been deleted (and made again) since the watch began. */
  check(name: string, signal: AbortSignal): Promise<VolumeIdentity>;
  /** Ends the live stream. */
  close(): void;
}

/** The size of Docker 20.10's in-memory event buffer (daemon/events): fewer events back means it holds them all. */
const engineEventBuffer = 256;

interface EventLine {
  readonly type: string;
  readonly action: string;
  readonly name: string;
  /** Engine time in milliseconds. */
  readonly ms: number;
}

interface Dialable {
  dial(options: Record<string, unknown>, callback: (error: unknown, data: unknown) => void): void;
}

/** Starts watching volume deletions; resolves once the engine has registered the subscription. */
export async function startVolumeWatch(core: EngineCore, options?: CallOptions): Promise<VolumeChangeWatch> {
  const { docker, call } = core;
  const modem = (docker as unknown as { modem: Dialable }).modem;
  const dial = (request: Record<string, unknown>): Promise<Readable> =>
    new Promise((resolve, reject) => modem.dial({ ...request, isStream: true }, (error, data) => (error ? reject(error instanceof Error ? error : new Error(JSON.stringify(error))) : resolve(data as Readable))));
  const engineNowMs = (abortSignal: AbortSignal): Promise<number> =>
    call({ signal: abortSignal }, async (signal) => {
      const info = (await (docker as unknown as { info(options: { abortSignal: AbortSignal }): Promise<{ SystemTime?: string }> }).info({ abortSignal: signal }));
      const ms = Date.parse(info.SystemTime ?? '');
      if (Number.isNaN(ms)) {
        throw new Error('the engine did not tell its time');
      }
      return ms;
    });

  const closed = new AbortController();
  // Before subscribing: every deletion from this moment on is either heard live or still in the buffer.
  const startedMs = await engineNowMs(options?.signal ?? closed.signal);
  const destroyed = new Set<string>();
  let lastHeardMs = startedMs;
  let broken = false;
  const live = await call(options, (abortSignal) =>
    dial({ path: '/events?', method: 'GET', abortSignal: anySignal(abortSignal, closed.signal), statusCodes: { 200: true, 500: 'server error' }, options: { filters: JSON.stringify({ type: ['volume'] }) } }),
  );
  const lines = new LineSplitter();
  live.on('data', (chunk: Buffer) => {
    for (const line of lines.push(chunk.toString('utf8'))) {
      const event = parseEventLine(line);
      if (event) {
        noteDestroy(destroyed, event);
        lastHeardMs = Math.max(lastHeardMs, event.ms);
      }
    }
  });
  const lost = (): void => {
    if (!closed.signal.aborted) {
      broken = true;
    }
  };
  live.on('end', lost);
  live.on('close', lost);
  live.on('error', lost);

  const bufferedSince = async (sinceMs: number, signal: AbortSignal): Promise<EventLine[] | undefined> => {
    const untilMs = await engineNowMs(signal);
    // Starts a second early: an event from before the point shows that the buffer reaches back to it.
    const stream = await call({ signal }, (abortSignal) =>
      dial({ path: '/events?', method: 'GET', abortSignal, statusCodes: { 200: true, 500: 'server error' }, options: { since: seconds(sinceMs - 1000), until: seconds(untilMs) } }),
    );
    const text = await readAll(stream);
    const events = text.split('\n').map(parseEventLine).filter((event): event is EventLine => event !== undefined);
    const reachesBack = events.length < engineEventBuffer || (events[0]?.ms ?? Infinity) < sinceMs;
    return reachesBack ? events : undefined;
  };

  return {
    check: async (name, signal) => {
      if (broken) {
        return 'unknown';
      }
      if (destroyed.has(name)) {
        return 'changed';
      }
      // The live stream told everything up to the last event it delivered; the rest is in the buffer.
      const recent = await bufferedSince(lastHeardMs - 1, signal);
      if (recent === undefined || broken) {
        return 'unknown';
      }
      const fresh = new Set<string>();
      for (const event of recent.filter((e) => e.ms >= startedMs - 1)) {
        noteDestroy(fresh, event);
      }
      return fresh.has(name) || destroyed.has(name) ? 'changed' : 'unchanged';
    },
    close: () => {
      closed.abort();
      live.destroy();
    },
  };
}

function noteDestroy(names: Set<string>, event: EventLine): void {
  if (event.type === 'volume' && event.action === 'destroy') {
    names.add(event.name);
  }
}

/** One `/events` JSON line, or undefined when it is not one. */
function parseEventLine(line: string): EventLine | undefined {
  try {
    const event = JSON.parse(line) as { Type?: unknown; Action?: unknown; Actor?: { ID?: unknown }; time?: unknown; timeNano?: unknown };
    const ms = typeof event.timeNano === 'number' ? Math.floor(event.timeNano / 1e6) : typeof event.time === 'number' ? event.time * 1000 : undefined;
    if (typeof event.Type !== 'string' || typeof event.Action !== 'string' || ms === undefined) {
      return undefined;
    }
    return { type: event.Type, action: event.Action, name: typeof event.Actor?.ID === 'string' ? event.Actor.ID : '', ms };
  } catch {
    return undefined;
  }
}

/** Unix seconds with millisecond precision, as the events endpoint takes them. */
function seconds(ms: number): string {
  return (Math.max(0, ms) / 1000).toFixed(3);
}

function readAll(stream: Readable): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.once('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    stream.once('error', reject);
  });
}

/** A signal that aborts when either does. */
function anySignal(a: AbortSignal, b: AbortSignal): AbortSignal {
  return AbortSignal.any([a, b]);
}
