/**
 * `POST /build` over the Engine API: BuildKit (`version=2`) with the context tar as the body, no
 * `docker` CLI and no BuildKit session. Without a session the engine cannot ask us for secrets or
 * SSH agents, so `RUN --mount=type=secret|ssh` is refused before the build (see unsupportedMounts
 * in the client). Where the engine has no BuildKit, the classic builder (`version=1`) runs instead and
 * the caller is told why.
 */
import type { Readable } from 'node:stream';
import type { CallOptions, EngineCore } from '../transport/core';
import { EngineError } from '../errors';
import { LineSplitter } from '../streams/streams';
import { join } from 'node:path';
import { packBuildContext, type BuildContextSource } from './buildContext';
import { openBuildSession, type BuildSession } from './buildSession';
import type { BuildStatusUpdate } from './buildkitStatus';
import { meansBuildKitUnavailable, parseBuildRecord } from './buildRecords';

export interface BuildRequest {
  readonly context: BuildContextSource;
  /** `repository[:tag]`; absent: an untagged image. */
  readonly tag?: string;
  readonly target?: string;
  readonly buildArgs?: Readonly<Record<string, string>>;
  /** e.g. `linux/amd64`; absent: the engine's own. */
  readonly platform?: string;
  readonly noCache?: boolean;
  /** RUN's network (`none` in tests); absent: the engine's default. */
  readonly networkMode?: string;
  readonly labels?: Readonly<Record<string, string>>;
  /**
   * How the context reaches the engine: `session` (default for BuildKit) offers the folder through a
   * BuildKit session, so a rebuild sends only changed files; `tar` streams it whole in the request.
   */
  readonly transfer?: 'session' | 'tar';
}

export type Builder = 'buildkit' | 'classic';

export type BuildEvent =
  | { readonly kind: 'status'; readonly update: BuildStatusUpdate }
  | { readonly kind: 'output'; readonly text: string }
  /** The engine refused BuildKit; the classic builder runs. `reason` is the engine's message. */
  | { readonly kind: 'fallback'; readonly reason: string };

export interface BuildResult {
  readonly imageId: string;
  readonly builder: Builder;
}

/** The build ran and failed (a step failed, or the Dockerfile is wrong): the message is the engine's. */
export class BuildFailedError extends EngineError {
  constructor(
    message: string,
    readonly builder: Builder,
  ) {
    super('other', message);
    this.name = 'BuildFailedError';
  }
}

export interface BuildApi {
  /**
   * Builds an image; `onEvent` sees the progress as it arrives. Aborting `options.signal` closes
   * the request, which makes the engine cancel the build. Rejects with BuildFailedError when the
   * build fails, EngineError otherwise.
   */
  buildImage(request: BuildRequest, onEvent: (event: BuildEvent) => void, options?: Pick<CallOptions, 'signal'>): Promise<BuildResult>;
}

interface Dialable {
  dial(options: Record<string, unknown>, callback: (error: unknown, data: unknown) => void): void;
}

/** A build has no deadline of its own (setTimeout's largest delay); cancel is the user's. */
const noDeadlineMs = 0x7fffffff;
/** BuildKit's records carry whole protobuf messages on one line: allow large ones. */
const maxRecordLength = 256 * 1024 * 1024;

/** The query of `POST /build` (docker-modem JSON-encodes the object values). */
export function buildQuery(request: BuildRequest, builder: Builder): Record<string, unknown> {
  return {
    version: builder === 'buildkit' ? '2' : '1',
    dockerfile: request.context.dockerfile,
    ...(request.tag ? { t: request.tag } : {}),
    ...(request.target ? { target: request.target } : {}),
    ...(request.buildArgs && Object.keys(request.buildArgs).length > 0 ? { buildargs: { ...request.buildArgs } } : {}),
    ...(request.platform ? { platform: request.platform } : {}),
    ...(request.noCache ? { nocache: 'true' } : {}),
    ...(request.networkMode ? { networkmode: request.networkMode } : {}),
    ...(request.labels && Object.keys(request.labels).length > 0 ? { labels: { ...request.labels } } : {}),
    // The classic builder keeps intermediate containers unless told; BuildKit has none.
    ...(builder === 'classic' ? { rm: 'true', forcerm: 'true' } : {}),
  };
}

export function createBuildApi(core: EngineCore): BuildApi {
  const { docker, call } = core;
  const modem = (docker as unknown as { modem: Dialable }).modem;
  const open = (query: Record<string, unknown>, body: Readable | Buffer, abortSignal: AbortSignal): Promise<Readable> =>
    new Promise((resolve, reject) =>
      modem.dial(
        {
          path: '/build?',
          method: 'POST',
          options: query,
          file: body,
          headers: { 'Content-Type': 'application/x-tar' },
          isStream: true,
          abortSignal,
          statusCodes: { 200: true, 400: 'bad parameter', 500: 'server error' },
        },
        (error, data) => (error ? reject(error instanceof Error ? error : new Error(JSON.stringify(error))) : resolve(data as Readable)),
      ),
    );

  /**
   * A build has no deadline, but the engine must start answering within the usual one: the
   * session's upgrade and the response headers each get it (a hung engine fails like any call).
   * The request itself stays tied to the whole build's signal.
   */
  const firstAnswer = <T>(buildSignal: AbortSignal, outer: AbortSignal | undefined, work: (signal: AbortSignal) => Promise<T>): Promise<T> =>
    call(outer ? { signal: outer } : undefined, (phaseSignal) => work(AbortSignal.any([phaseSignal, buildSignal])));

  /** Classic builds, and engines without sessions, get the context as a tar in the request body. */
  const runWithTar = (request: BuildRequest, builder: Builder, onEvent: (event: BuildEvent) => void, abortSignal: AbortSignal, outer: AbortSignal | undefined): Promise<BuildResult> =>
    (async () => {
      const body = await packBuildContext(request.context);
      // A context that cannot be read fails the request with the reason, not a broken pipe.
      const bodyFailed = new Promise<never>((_, reject) => body.once('error', (error: Error) => reject(new EngineError('other', `Cannot read the build context: ${error.message}`, error))));
      bodyFailed.catch(() => undefined);
      const response = await Promise.race([firstAnswer(abortSignal, outer, (signal) => open(buildQuery(request, builder), body, signal)), bodyFailed]);
      return await Promise.race([readRecords(response, builder, onEvent), bodyFailed]);
    })();

  /** BuildKit reads the context through a session: only changed files travel (see buildSession.ts). */
  const runWithSession = async (request: BuildRequest, onEvent: (event: BuildEvent) => void, abortSignal: AbortSignal, outer: AbortSignal | undefined): Promise<BuildResult | undefined> => {
    const dockerfilePath = request.context.dockerfile.split('/');
    const dockerfileName = dockerfilePath.pop() ?? 'Dockerfile';
    let session: BuildSession;
    try {
      session = await firstAnswer(abortSignal, outer, (signal) => openBuildSession(core, { context: request.context.directory, dockerfile: join(request.context.directory, ...dockerfilePath) }, signal));
    } catch (error) {
      if (error instanceof EngineError && (error.kind === 'timeout' || error.kind === 'cancelled' || error.kind === 'unreachable' || error.kind === 'permissionDenied')) {
        throw error;
      }
      return undefined; // an engine without /session (e.g. Podman): the tar body works everywhere
    }
    try {
      const query = { ...buildQuery(request, 'buildkit'), dockerfile: dockerfileName, session: session.id, remote: 'client-session' };
      const response = await firstAnswer(abortSignal, outer, (signal) => open(query, Buffer.alloc(0), signal));
      return await readRecords(response, 'buildkit', onEvent);
    } finally {
      session.close();
    }
  };

  const runOnce = (request: BuildRequest, builder: Builder, onEvent: (event: BuildEvent) => void, options: Pick<CallOptions, 'signal'> | undefined): Promise<BuildResult> =>
    call({ ...options, timeoutMs: noDeadlineMs }, async (abortSignal) => {
      if (builder === 'buildkit' && request.transfer !== 'tar') {
        const viaSession = await runWithSession(request, onEvent, abortSignal, options?.signal);
        if (viaSession) {
          return viaSession;
        }
      }
      return runWithTar(request, builder, onEvent, abortSignal, options?.signal);
    });

  return {
    buildImage: async (request, onEvent, options) => {
      try {
        return await runOnce(request, 'buildkit', onEvent, options);
      } catch (error) {
        if (error instanceof EngineError && !(error instanceof BuildFailedError) && error.kind === 'other' && meansBuildKitUnavailable(error.message)) {
          onEvent({ kind: 'fallback', reason: error.message });
          return runOnce(request, 'classic', onEvent, options);
        }
        throw error;
      }
    },
  };
}

/** Reads the response to its end: the image id on success, BuildFailedError on the engine's error record. */
function readRecords(response: Readable, builder: Builder, onEvent: (event: BuildEvent) => void): Promise<BuildResult> {
  return new Promise((resolve, reject) => {
    const lines = new LineSplitter(maxRecordLength);
    let imageId: string | undefined;
    let failure: string | undefined;
    const handle = (line: string): void => {
      if (line.trim() === '') {
        return;
      }
      const record = parseBuildRecord(line);
      switch (record.kind) {
        case 'status':
          return onEvent({ kind: 'status', update: record.update });
        case 'output':
          return onEvent({ kind: 'output', text: record.text });
        case 'imageId':
          imageId = record.id;
          return;
        case 'error':
          failure = record.message;
          return;
        case 'ignored':
          return;
      }
    };
    response.setEncoding('utf8');
    response.on('data', (chunk: string) => {
      try {
        lines.push(chunk).forEach(handle);
      } catch (error) {
        response.destroy(error instanceof Error ? error : new Error(String(error)));
      }
    });
    response.once('error', reject);
    response.once('end', () => {
      const rest = lines.flush();
      if (rest !== undefined) {
        handle(rest);
      }
      if (failure !== undefined) {
        reject(new BuildFailedError(failure, builder));
      } else if (imageId === undefined) {
        reject(new EngineError('other', 'The engine ended the build without naming an image.'));
      } else {
        resolve({ imageId, builder });
      }
    });
  });
}
