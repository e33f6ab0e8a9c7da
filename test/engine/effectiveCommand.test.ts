/**
 * The effective command against the engine's own answer: each Dockerfile is built by the real engine
 * twice, with BuildKit (through the product's own build path) and with the classic builder (POST
 * /build, no network), and the `Config.Entrypoint` and `Config.Cmd` each stored in the image are
 * compared with the model's ENTRYPOINT, CMD and argv, and with the `runs:` inlay hint. The model
 * follows BuildKit; a case names what the classic builder stores where that differs.
 */
import * as assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { Readable } from 'node:stream';
import { after, describe, it } from 'node:test';
import { DockerfileParser } from 'dockerfile-ast';
import type Docker from 'dockerode';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { ParsedDocument } from '../../server/src/documentStore';
import { provideInlayHints } from '../../server/src/features/inlayHints/provideInlayHints';
import { formatArgv } from '../../server/src/semantics/display';
import { analyzeDockerfile } from '../../server/src/semantics/model';
import { testDocker, testEngine, testLabel, uniqueSuffix } from '../engineHelpers';
import { recordBuild, writeContext } from './buildHelpers';
import { engineCases, type EngineCase } from './effectiveCommandCases';
import { dockerfileContext } from './tarContext';

interface Command {
  readonly entrypoint: readonly string[];
  readonly cmd: readonly string[];
}

interface BuildProgress {
  readonly stream?: string;
  readonly error?: string;
}

/** The classic builder, without cache (every step image is new, so removing them removes exactly this build). */
async function buildClassic(docker: Docker, dockerfile: string, tag: string): Promise<{ config: Command; created: string[] }> {
  const stream = await docker.buildImage(Readable.from([dockerfileContext(dockerfile)]), { t: tag, networkmode: 'none', nocache: true, rm: true, forcerm: true });
  const progress = await new Promise<BuildProgress[]>((resolve, reject) => {
    docker.modem.followProgress(stream, (error: Error | null, output: BuildProgress[]) => (error ? reject(error) : resolve(output)));
  });
  const created = progress.flatMap((event) => [...(event.stream ?? '').matchAll(/ ---> ([0-9a-f]{12})\b/g)].map((match) => match[1] ?? ''));
  const failure = progress.find((event) => event.error !== undefined);
  if (failure) {
    throw new Error(`the engine refused the build: ${failure.error ?? ''}`);
  }
  return { config: await storedCommand(docker, tag), created };
}

async function storedCommand(docker: Docker, tag: string): Promise<Command> {
  const info = await docker.getImage(tag).inspect();
  return { entrypoint: asList(info.Config.Entrypoint), cmd: asList(info.Config.Cmd) };
}

/** The engine stores an unset value as null; the typings also allow a bare string. */
function asList(value: string | string[] | null | undefined): readonly string[] {
  return typeof value === 'string' ? [value] : (value ?? []);
}

function parsedOf(text: string): ParsedDocument {
  const document = TextDocument.create('file:///engine/Dockerfile', 'dockerfile', 1, text);
  return { uri: document.uri, version: 1, document, dockerfile: DockerfileParser.parse(text) };
}

const everything = { start: { line: 0, character: 0 }, end: { line: 10_000, character: 0 } };

function known(value: readonly string[] | null | 'unknown', what: string): readonly string[] {
  assert.notEqual(value, 'unknown', `the model does not know the ${what} of a FROM scratch build`);
  return value === 'unknown' || value === null ? [] : value;
}

/** The model's answer for the final stage, and the runs: hint, against what a builder stored. */
function assertModelMatches(engineCase: EngineCase, stored: Command): void {
  const parsed = parsedOf(engineCase.dockerfile);
  const command = analyzeDockerfile(parsed).commands.at(-1);
  assert.ok(command, 'the model has a final stage');
  const model: Command = { entrypoint: known(command.entrypoint.value, 'ENTRYPOINT'), cmd: known(command.cmd.value, 'CMD') };
  assert.deepEqual(model, stored, 'ENTRYPOINT and CMD as the engine stored them');
  const argv = [...stored.entrypoint, ...stored.cmd];
  assert.deepEqual(known(command.argv, 'argv'), argv, 'the argv `docker run IMAGE` executes');
  // The hint may add that a shell-form ENTRYPOINT never reads the CMD words it is given.
  const hints = provideInlayHints(parsed, everything, 'en').map((hint) => (typeof hint.label === 'string' ? hint.label : 'label parts').replace(/ \(CMD unused\)$/, ''));
  assert.deepEqual(hints, argv.length > 0 ? [`runs: ${formatArgv(argv)}`] : [], 'the runs: hint');
}

describe('effective command: the model and the runs: hint against the engine', () => {
  const docker = testDocker();
  const engine = testEngine(60_000);
  const suffix = uniqueSuffix();
  const leftovers: string[] = [];

  after(async () => {
    // Removing the tag removes its untagged parents; what remains (earlier stages) goes one by one.
    for (const id of leftovers.reverse()) {
      await docker.getImage(id).remove({ force: true }).catch((error: { statusCode?: number }) => {
        if (error.statusCode !== 404) {
          throw error;
        }
      });
    }
  });

  engineCases.forEach((engineCase, index) => {
    it(`${engineCase.name} (BuildKit)`, async () => {
      const tag = `berthwise-test/effective-command:${suffix}-bk-${index}`;
      const directory = writeContext({ Dockerfile: engineCase.dockerfile });
      try {
        const build = await recordBuild(engine, { context: { directory, dockerfile: 'Dockerfile' }, tag, networkMode: 'none', noCache: true, labels: { [testLabel]: 'true' }, transfer: 'tar' });
        if (engineCase.buildkitRefuses) {
          assert.match(build.error?.message ?? 'the build succeeded', engineCase.buildkitRefuses);
          return;
        }
        assert.equal(build.error, undefined, 'BuildKit built it');
        leftovers.push(tag);
        assertModelMatches(engineCase, await storedCommand(docker, tag));
      } finally {
        rmSync(directory, { recursive: true, force: true });
      }
    });
    it(`${engineCase.name} (classic builder)`, async () => {
      const tag = `berthwise-test/effective-command:${suffix}-${index}`;
      const { config, created } = await buildClassic(docker, engineCase.dockerfile, tag);
      leftovers.push(tag, ...created);
      if (engineCase.classic) {
        assert.deepEqual(config, engineCase.classic, 'what the classic builder stores where it differs from BuildKit');
        return;
      }
      assertModelMatches(engineCase, config);
    });
  });
});
