/** Malformed settings become clear validation messages, never a crash or a silent wrong engine. */
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normaliseTail } from '../../../client/src/commands/logs/logOptions';
import { InvalidHostError, parseHost, resolveEngine } from '../../../client/src/engine/resolution/connection';
import { createEngine } from '../../../client/src/engine/engine';
import { EngineError } from '../../../client/src/engine/errors';
import { normaliseTimeoutMs } from '../../../client/src/engine/transport/timeoutSetting';

describe('malformed host URLs are refused with a message naming the value', () => {
  const table: { value: string; says: RegExp }[] = [
    { value: 'tcp://', says: /names no host/ },
    { value: 'ssh://', says: /names no host/ },
    { value: 'tcp://:2375', says: /names no host|not a Docker host URL/ },
    { value: 'unix://relative/docker.sock', says: /absolute socket path/ },
    { value: 'unix://', says: /absolute socket path/ },
    { value: 'garbage', says: /not a Docker host URL/ },
    { value: '%%%', says: /not a Docker host URL/ },
    { value: 'tcp://host:99999', says: /not a Docker host URL/ },
    { value: 'ftp://host', says: /unsupported scheme/ },
  ];
  for (const { value, says } of table) {
    it(`${JSON.stringify(value)} as the setting`, () => {
      assert.throws(
        () => resolveEngine({ hostSetting: value, env: {}, exists: () => false, uid: 0 }),
        (error: unknown) => error instanceof InvalidHostError && error.message.includes(value) && says.test(error.message),
      );
    });
  }
  it('a well-formed URL still parses', () => {
    assert.deepEqual(parseHost('tcp://127.0.0.1:2375'), { kind: 'tcp', host: '127.0.0.1', port: 2375, tls: false });
  });
});

describe('a TLS certificate directory that does not exist', () => {
  it('fails when the engine is built, as an EngineError naming the directory', () => {
    const certPath = '/nonexistent/berthwise-certs';
    assert.throws(
      () => createEngine({ kind: 'tcp', host: '127.0.0.1', port: 2376, tls: true, certPath }, 1_000),
      (error: unknown) => error instanceof EngineError && error.message.includes(certPath) && /ca\.pem/.test(error.message),
    );
  });
});

describe('berthwise.logs.tail whatever its value', () => {
  const table: { value: unknown; tail: number | 'all' }[] = [
    { value: 500, tail: 500 },
    { value: 0, tail: 0 },
    { value: 12.7, tail: 12 },
    { value: -1, tail: 'all' },
    { value: -500, tail: 'all' },
    { value: 'abc', tail: 'all' },
    { value: '100', tail: 'all' },
    { value: Number.NaN, tail: 'all' },
    { value: Number.POSITIVE_INFINITY, tail: 'all' },
    { value: null, tail: 'all' },
    { value: undefined, tail: 'all' },
  ];
  for (const { value, tail } of table) {
    it(`${String(value)} → ${String(tail)}`, () => assert.equal(normaliseTail(value), tail));
  }
});

describe('berthwise.engine.timeoutMs whatever its value', () => {
  const table: { value: unknown; timeout: number }[] = [
    { value: 10_000, timeout: 10_000 },
    { value: 2_500.9, timeout: 2_500 },
    { value: 0, timeout: 500 },
    { value: -1, timeout: 500 },
    { value: 'fast', timeout: 10_000 },
    { value: Number.NaN, timeout: 10_000 },
    { value: Number.POSITIVE_INFINITY, timeout: 10_000 },
    { value: undefined, timeout: 10_000 },
  ];
  for (const { value, timeout } of table) {
    it(`${String(value)} → ${timeout} ms`, () => assert.equal(normaliseTimeoutMs(value), timeout));
  }
});
