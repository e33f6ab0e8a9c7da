/**
 * Workspace Trust against the real engine: the language server's questions (a base image named in a
 * Dockerfile, the local images for completion) reach the engine only in a trusted workspace. A
 * connection-counting socket in front of the engine proves that an untrusted workspace causes no
 * engine connection at all.
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createEngine, type Engine } from '../../client/src/engine/engine';
import { answerImageConfig, answerLocalImages, type EngineQuestionDeps } from '../../client/src/language/engineQuestions';
import { baseImage } from '../engineHelpers';
import { startCountingProxy, type CountingProxy } from '../countingProxy';

describe('Workspace Trust: the language server’s engine questions', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dh-trust-'));
  let proxy: CountingProxy;
  let engine: Engine;
  let trusted = false;
  const debug: string[] = [];
  const deps: EngineQuestionDeps = { engine: () => engine, isTrusted: () => trusted, debug: (message) => void debug.push(message) };

  before(async () => {
    const host = process.env['DOCKER_HOST'] ?? '';
    assert.ok(host.startsWith('unix://'), 'DOCKER_HOST names the test engine’s socket');
    proxy = await startCountingProxy(join(dir, 'engine.sock'), host.slice('unix://'.length));
    engine = createEngine({ kind: 'unix', socketPath: proxy.socketPath }, 10_000);
  });
  after(async () => {
    engine.dispose?.();
    await proxy.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('untrusted: a base image named in a Dockerfile and completion cause no engine connection', async () => {
    trusted = false;
    assert.equal(await answerImageConfig({ image: baseImage }, deps), null);
    assert.equal(await answerImageConfig({ image: 'registry.example.test/attacker/probe:latest' }, deps), null);
    assert.equal(await answerLocalImages(deps), null);
    assert.equal(proxy.connections(), 0, 'no connection to the engine');
  });

  it('trusted: the same questions are answered from the engine', async () => {
    trusted = true;
    const config = await answerImageConfig({ image: baseImage }, deps);
    assert.deepEqual(config?.cmd, ['/bin/sh']);
    const local = await answerLocalImages(deps);
    assert.ok(local?.images.includes(baseImage), JSON.stringify(local));
    assert.ok(proxy.connections() > 0, 'the answers came through the engine socket');
  });

  it('trust is read at each question: revoking it stops engine calls at once', async () => {
    trusted = false;
    const before = proxy.connections();
    assert.equal(await answerImageConfig({ image: baseImage }, deps), null);
    assert.equal(await answerLocalImages(deps), null);
    assert.equal(proxy.connections(), before);
    assert.deepEqual(debug, []);
  });
});
