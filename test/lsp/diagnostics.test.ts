import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { imageConfigRequest, type ImageConfigParams, type ImageConfigResult } from '../../server/src/protocol';
import { codesOf, DiagnosticsWatcher } from './diagnosticsWatcher';
import { startServer, type LspSession } from './lspClient';

function messageOf(message: string | { value: string } | undefined): string {
  return typeof message === 'string' ? message : (message?.value ?? '');
}

describe('diagnostics over stdio', () => {
  let session: LspSession;
  let watcher: DiagnosticsWatcher;
  before(async () => {
    session = await startServer();
    watcher = new DiagnosticsWatcher(session);
    // This engine knows one image; every other one is absent.
    session.connection.onRequest(imageConfigRequest, ({ image }: ImageConfigParams): ImageConfigResult | null =>
      image === 'local/known' ? { cmd: ['serve'], entrypoint: null, shell: null } : null,
    );
  });
  after(async () => {
    await session.close();
  });

  it('publishes on open, with the document version, codes, severities and links', async () => {
    const uri = 'file:///w/open/Dockerfile';
    await session.open(uri, 'FROM scratch\nMAINTAINER jo\nCMD ["a"]\nCMD ["b"]\n');
    const published = await watcher.waitFor(uri, (p) => p.version === 1);
    assert.deepEqual(codesOf(published), ['MaintainerDeprecated@1', 'MultipleInstructionsDisallowed@2']);
    for (const diagnostic of published.diagnostics) {
      assert.equal(diagnostic.source, 'berthwise');
      assert.equal(diagnostic.severity, 2);
      assert.match(diagnostic.codeDescription?.href ?? '', /^https:\/\/docs\.docker\.com\//);
    }
    assert.deepEqual(published.diagnostics.find((d) => d.code === 'MultipleInstructionsDisallowed')?.tags, [1]);
  });

  it('publishes UndefinedVar, InvalidDefaultArgInFrom and UnknownFlag, honouring # check=skip and berthwise-ignore', async () => {
    const body = 'ARG TAG\nARG DIR=/app\nFROM alpine:${TAG}\nWORKDIR $DIR\nCOPY --chwon=1 a /a\n';
    const uri = 'file:///w/wider/Dockerfile';
    await session.open(uri, body);
    const published = await watcher.waitFor(uri, (p) => p.version === 1);
    assert.deepEqual(codesOf(published), ['InvalidDefaultArgInFrom@2', 'UndefinedVar@3', 'UnknownFlag@4']);
    assert.equal(published.diagnostics.find((d) => d.code === 'UnknownFlag')?.severity, 1);
    const skipped = 'file:///w/wider-skip/Dockerfile';
    await session.open(skipped, `# check=skip=UndefinedVar,InvalidDefaultArgInFrom\n${body.replace('COPY', '# berthwise-ignore=UnknownFlag\nCOPY')}`);
    assert.deepEqual(codesOf(await watcher.waitFor(skipped, (p) => p.version === 1)), []);
  });

  it('publishes the parse-problem rules as errors (the ignored directive as a warning), honouring # check=skip and berthwise-ignore', async () => {
    const body = 'FROM alpine\nCOPY app\nRUN --mount=type=volume,target=/x true\nHEALTHCHECK --interval=5 CMD true\nONBUILD FROM x\n# escape=`\n';
    const uri = 'file:///w/parse/Dockerfile';
    await session.open(uri, body);
    const published = await watcher.waitFor(uri, (p) => p.version === 1);
    assert.deepEqual(codesOf(published), ['IgnoredParserDirective@5', 'InvalidFlagValue@3', 'InvalidMount@2', 'MalformedArguments@1', 'OnbuildTriggerDisallowed@4']);
    for (const diagnostic of published.diagnostics) {
      assert.equal(diagnostic.severity, diagnostic.code === 'IgnoredParserDirective' ? 2 : 1, String(diagnostic.code));
    }
    const skipped = 'file:///w/parse-skip/Dockerfile';
    const silenced = body.replace('HEALTHCHECK', '# berthwise-ignore=InvalidFlagValue\nHEALTHCHECK').replace('ONBUILD', '# hadolint ignore=DL3043\nONBUILD');
    await session.open(skipped, `# check=skip=MalformedArguments,InvalidMount,IgnoredParserDirective\n${silenced}`);
    assert.deepEqual(codesOf(await watcher.waitFor(skipped, (p) => p.version === 1)), []);
  });

  it('re-validates after an incremental change and never publishes an older version last', async () => {
    const uri = 'file:///w/change/Dockerfile';
    await session.open(uri, 'FROM scratch\nCMD ["a"]\n');
    await watcher.waitFor(uri, (p) => p.version === 1);
    for (let version = 2; version <= 20; version += 1) {
      await session.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: version % 2 === 0 ? '#' : '' }],
      });
    }
    const last = await watcher.waitFor(uri, (p) => p.version === 20);
    // Version 20 comments out the CMD twice over: "#CMD" → no command on scratch.
    assert.deepEqual(codesOf(last), ['NoCommand@0']);
    const versions = watcher.of(uri).map((p) => p.version ?? -1);
    assert.deepEqual(versions, [...versions].sort((a, b) => a - b), 'versions only increase');
    assert.ok(versions.length < 20, `superseded versions were skipped (${versions.length} publications)`);
  });

  it('applies severity settings from didChangeConfiguration, a partial map leaving others alone', async () => {
    const uri = 'file:///w/settings/Dockerfile';
    await session.open(uri, 'FROM alpine\nMAINTAINER jo\nCMD run it\n');
    await watcher.waitFor(uri, (p) => p.version === 1 && p.diagnostics.length === 2);
    const count = watcher.of(uri).length;
    await session.connection.sendNotification('workspace/didChangeConfiguration', {
      settings: { berthwise: { diagnostics: { MaintainerDeprecated: 'ignore', JSONArgsRecommended: 'error' } } },
    });
    const next = await watcher.waitFor(uri, (p) => watcher.of(uri).indexOf(p) >= count);
    assert.deepEqual(codesOf(next), ['JSONArgsRecommended@2']);
    assert.equal(next.diagnostics[0]?.severity, 1);
    await session.connection.sendNotification('workspace/didChangeConfiguration', { settings: { berthwise: { diagnostics: {} } } });
    await watcher.waitFor(uri, (p) => p.diagnostics.length === 2 && p.diagnostics.every((d) => d.severity === 2));
  });

  it('clears diagnostics on close', async () => {
    const uri = 'file:///w/close/Dockerfile';
    await session.open(uri, 'FROM scratch\n');
    await watcher.waitFor(uri, (p) => p.diagnostics.length === 1);
    await session.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    await watcher.waitFor(uri, (p) => p.diagnostics.length === 0);
  });

  it('uses a client answer about a local base image, and stays silent for unknown ones', async () => {
    const uri = 'file:///w/image/Dockerfile';
    await session.open(uri, 'FROM local/known\nENTRYPOINT ["/e"]\n');
    const learned = await watcher.waitFor(uri, (p) => p.diagnostics.some((d) => d.code === 'EntrypointResetsCmd'));
    assert.match(messageOf(learned.diagnostics[0]?.message), /`serve`/);
    const other = 'file:///w/image2/Dockerfile';
    await session.open(other, 'FROM local/absent\nENTRYPOINT ["/e"]\n');
    const silent = await watcher.waitFor(other, (p) => p.version === 1);
    assert.deepEqual(silent.diagnostics, []);
  });

  it('hover and inlay hints show what a local base image runs once the client has answered', async () => {
    const hoverAt = async (uri: string, line: number): Promise<string> => {
      const hover = await session.connection.sendRequest<{ contents: { value: string } } | null>('textDocument/hover', {
        textDocument: { uri },
        position: { line, character: 1 },
      });
      return hover?.contents.value ?? '';
    };
    const hintsOf = async (uri: string): Promise<string[]> => {
      const hints = await session.connection.sendRequest<{ label: string }[]>('textDocument/inlayHint', {
        textDocument: { uri },
        range: { start: { line: 0, character: 0 }, end: { line: 5, character: 0 } },
      });
      return hints.map((hint) => hint.label);
    };
    /** Asks again until the answer satisfies `done`: the first look only sends the question to the client. */
    const eventually = async <T>(ask: () => Promise<T>, done: (value: T) => boolean): Promise<T> => {
      const deadline = Date.now() + 5000;
      let value = await ask();
      while (!done(value) && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 10));
        value = await ask();
      }
      return value;
    };
    // No CMD of its own: the hover on SHELL explains that the image's own CMD runs.
    const inherits = 'file:///w/image-hover/Dockerfile';
    await session.open(inherits, 'FROM local/known\nSHELL ["/bin/bash", "-c"]\n');
    assert.match(await eventually(() => hoverAt(inherits, 1), (text) => text.includes('serve')), /serve/);
    // A CMD of its own: runnable as written only once the image is known to have no ENTRYPOINT.
    const own = 'file:///w/image-hint/Dockerfile';
    await session.open(own, 'FROM local/known\nCMD ["run", "fast"]\n');
    assert.deepEqual(await eventually(() => hintsOf(own), (labels) => labels.length > 0), ['runs: run fast']);
    // An image the engine does not have stays unknown: no hint, no invented command.
    const absent = 'file:///w/image-absent/Dockerfile';
    await session.open(absent, 'FROM local/absent\nCMD ["run", "fast"]\n');
    await hintsOf(absent);
    await watcher.waitFor(absent, (p) => p.version === 1);
    assert.deepEqual(await hintsOf(absent), []);
  });

  it('handles a large file (past the line count where bursts wait longer)', async () => {
    const uri = 'file:///w/large/Dockerfile';
    const lines = ['FROM alpine'];
    for (let index = 0; index < 5000; index += 1) {
      lines.push(`RUN echo ${index}`);
    }
    lines.push('MAINTAINER jo');
    const started = Date.now();
    await session.open(uri, `${lines.join('\n')}\n`);
    const published = await watcher.waitFor(uri, (p) => p.version === 1, 10_000);
    assert.deepEqual(codesOf(published), ['MaintainerDeprecated@5001']);
    console.log(`5,002-line file: open → diagnostics in ${Date.now() - started} ms`);
  });
});

describe('diagnostics in Chinese', () => {
  it('uses the initialize locale', async () => {
    const session = await startServer({ locale: 'zh-CN' });
    try {
      const watcher = new DiagnosticsWatcher(session);
      const uri = 'file:///w/zh/Dockerfile';
      await session.open(uri, 'FROM scratch\n');
      const published = await watcher.waitFor(uri, (p) => p.diagnostics.length === 1);
      assert.match(messageOf(published.diagnostics[0]?.message), /最终阶段/);
    } finally {
      await session.close();
    }
  });
});
