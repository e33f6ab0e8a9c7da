import type { Readable } from 'node:stream';
import type { EngineCore } from '../transport/core';
import { classifyEngineError, EngineError } from '../errors';
import { toEngineEvent } from '../resources/mappers';
import type { EngineEvent } from '../types';

/** What a subscriber hears: each event, and each time the stream goes up or down. */
export interface EventHandlers {
  onEvent(event: EngineEvent): void;
  /** `connected` after every (re)connect; `disconnected` with the reason after every loss. */
  onConnection?(state: 'connected' | 'disconnected', error?: EngineError): void;
}

export interface EventWatchOptions {
  /** Stops the stream and any pending reconnect. */
  readonly signal: AbortSignal;
  /** First reconnect delay; doubles per failed attempt up to maxBackoffMs. */
  readonly initialBackoffMs?: number;
  readonly maxBackoffMs?: number;
}

export interface EventsApi {
  /**
   * Follows `/events` for containers, images, volumes and networks until the signal aborts,
   * reconnecting with exponential backoff after the stream ends (e.g. the engine restarted).
   * Resolves once stopped; never rejects.
   */
  watchEvents(handlers: EventHandlers, options: EventWatchOptions): Promise<void>;
}

const filters = JSON.stringify({ type: ['container', 'image', 'volume', 'network'] });

export function createEventsApi(core: EngineCore): EventsApi {
  return {
    watchEvents: async (handlers, options) => {
      const initial = options.initialBackoffMs ?? 250;
      const max = options.maxBackoffMs ?? 10_000;
      let delay = initial;
      // Report an outage once, not once per failed reconnect attempt.
      let reportedDown = false;
      const down = (error: EngineError): void => {
        if (!reportedDown && !options.signal.aborted) {
          reportedDown = true;
          handlers.onConnection?.('disconnected', error);
        }
      };
      while (!options.signal.aborted) {
        try {
          const stream = await openStream(core, options.signal);
          delay = initial;
          reportedDown = false;
          handlers.onConnection?.('connected');
          await consume(stream, handlers, options.signal);
          down(new EngineError('unreachable', `The event stream of ${core.target} ended.`));
        } catch (error) {
          down(classifyEngineError(error, core.target));
        }
        await pause(delay, options.signal);
        delay = Math.min(max, delay * 2);
      }
    },
  };
}

/** Opens the stream under the usual connect deadline; the subscription's signal keeps it open or closes it. */
async function openStream(core: EngineCore, subscription: AbortSignal): Promise<Readable> {
  return core.call({ signal: subscription }, async (callSignal) => {
    // The call's own signal only guards connecting; afterwards only the subscription may end the stream.
    const abortSignal = AbortSignal.any([callSignal, subscription]);
    // dockerode forwards `abortSignal`, but its published types do not declare it.
    const events = core.docker as unknown as { getEvents(options: { filters: string; abortSignal: AbortSignal }): Promise<Readable> };
    return events.getEvents({ filters, abortSignal });
  });
}

/** Reads newline-delimited JSON until the stream ends, errors or the signal aborts. */
function consume(stream: Readable, handlers: EventHandlers, signal: AbortSignal): Promise<void> {
  return new Promise<void>((resolve) => {
    let pending = '';
    const finish = (): void => {
      signal.removeEventListener('abort', onAbort);
      stream.removeAllListeners('data');
      resolve();
    };
    const onAbort = (): void => {
      stream.destroy();
      finish();
    };
    signal.addEventListener('abort', onAbort, { once: true });
    stream.on('data', (chunk: Buffer | string) => {
      pending += chunk.toString();
      let newline = pending.indexOf('\n');
      while (newline >= 0) {
        dispatch(pending.slice(0, newline), handlers);
        pending = pending.slice(newline + 1);
        newline = pending.indexOf('\n');
      }
    });
    stream.once('end', finish);
    stream.once('close', finish);
    stream.once('error', finish);
  });
}

function dispatch(line: string, handlers: EventHandlers): void {
  if (line.trim() === '') {
    return;
  }
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return; // a malformed line must not end the stream
  }
  const event = typeof json === 'object' && json !== null ? toEngineEvent(json as Record<string, unknown>) : undefined;
  if (event) {
    handlers.onEvent(event);
  }
}

/** Waits for `ms`, or less when the signal aborts. */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) {
      resolve();
      return;
    }
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}
