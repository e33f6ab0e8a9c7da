/** Shared by the build tests: a context folder on disk, the model's outline, and a run that records progress. */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type Docker from 'dockerode';
import { BuildProgress } from '../../client/src/build/buildProgress';
import type { BuildRequest, BuildResult } from '../../client/src/engine/build/buildImage';
import type { Engine } from '../../client/src/engine/engine';
import { DocumentStore } from '../../server/src/documentStore';
import { provideBuildOutline } from '../../server/src/features/buildOutline/provideBuildOutline';
import type { BuildOutlineResult } from '../../server/src/protocol';
import type { ImageConfigLookup } from '../../server/src/semantics/imageConfig';

/** Writes `files` (path → content) into a fresh temporary folder and returns it. */
export function writeContext(files: Readonly<Record<string, string | Buffer>>): string {
  const directory = mkdtempSync(join(tmpdir(), 'berthwise-build-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(directory, path)), { recursive: true });
    writeFileSync(join(directory, path), content);
  }
  return directory;
}

/** The language server's outline of a Dockerfile text, from a fresh parse. */
export function outlineOf(text: string, lookup?: ImageConfigLookup): BuildOutlineResult {
  const store = new DocumentStore();
  store.open('file:///Dockerfile', 'dockerfile', 1, text);
  const parsed = store.getParsed('file:///Dockerfile');
  if (!parsed) {
    throw new Error('the store did not parse the Dockerfile');
  }
  return provideBuildOutline(parsed, lookup);
}

export interface RecordedBuild {
  readonly result?: BuildResult;
  readonly error?: Error;
  /** Every step's output, joined. */
  readonly output: string;
  readonly stepNames: readonly string[];
  readonly failedSteps: readonly string[];
  readonly cachedSteps: number;
}

/** Runs a build through the product's engine API, recording the decoded progress. */
export async function recordBuild(engine: Engine, request: BuildRequest, signal?: AbortSignal, onStepStarted?: (name: string) => void): Promise<RecordedBuild> {
  const progress = new BuildProgress();
  const outputs: string[] = [];
  const stepNames: string[] = [];
  const failedSteps: string[] = [];
  const done = (extra: { result?: BuildResult; error?: Error }): RecordedBuild => ({ ...extra, output: outputs.join('\n'), stepNames, failedSteps, cachedSteps: progress.cached });
  try {
    const result = await engine.buildImage(
      request,
      (event) => {
        if (event.kind !== 'status') {
          return;
        }
        const { lines, failed } = progress.apply(event.update);
        failedSteps.push(...failed.map((step) => step.name));
        for (const line of lines) {
          if (line.kind === 'start') {
            stepNames.push(line.name);
          } else if (line.kind === 'output') {
            outputs.push(line.text);
          }
        }
        for (const vertex of event.update.vertexes) {
          if (vertex.started !== undefined && vertex.completed === undefined) {
            onStepStarted?.(vertex.name);
          }
        }
      },
      signal ? { signal } : undefined,
    );
    return done({ result });
  } catch (error) {
    return done({ error: error instanceof Error ? error : new Error(String(error)) });
  }
}

/** Runs `cmd` in a container of `image` (network none) and returns its stdout. */
export async function runAndRead(docker: Docker, image: string, cmd: string[]): Promise<string> {
  const container = await docker.createContainer({ Image: image, Cmd: cmd, HostConfig: { NetworkMode: 'none' }, Labels: { 'berthwise.test': 'true' } });
  try {
    await container.start();
    await container.wait();
    const logs = await container.logs({ stdout: true, stderr: false });
    // Non-TTY logs are multiplexed: 8-byte headers before each frame.
    const frames: Buffer[] = [];
    for (let offset = 0; offset + 8 <= logs.length; ) {
      const size = logs.readUInt32BE(offset + 4);
      frames.push(logs.subarray(offset + 8, offset + 8 + size));
      offset += 8 + size;
    }
    return Buffer.concat(frames).toString('utf8');
  } finally {
    await container.remove({ force: true });
  }
}
