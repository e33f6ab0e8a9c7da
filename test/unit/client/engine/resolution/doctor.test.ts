import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnoseEngines, formatDoctorReport, type EngineProbe } from '../../../../../client/src/engine/resolution/doctor';
import type { EngineCandidate } from '../../../../../client/src/engine/resolution/engines';
import { EngineError } from '../../../../../client/src/engine/errors';

const t = (message: string, ...args: string[]): string => message.replace(/\{(\d+)\}/g, (_, i: string) => args[Number(i)] ?? '');
const version = { version: '28.0.0', apiVersion: '1.48', os: 'linux', arch: 'amd64' };

const candidates: EngineCandidate[] = [
  { name: 'up', source: 'socket', endpoint: { kind: 'unix', socketPath: '/up.sock' }, remote: false, isDefault: true },
  { name: 'refused', source: 'configuredHost', endpoint: { kind: 'tcp', host: 'r', port: 1, tls: false }, remote: true, isDefault: false },
  { name: 'hung', source: 'configuredHost', endpoint: { kind: 'ssh', host: 'h', port: 22 }, remote: true, isDefault: false },
  { name: 'gone', source: 'socket', endpoint: { kind: 'unix', socketPath: '/gone.sock' }, missing: true, remote: false, isDefault: false },
  { name: 'bad', source: 'configuredHost', invalid: 'not a URL', remote: false, isDefault: false },
];

/** Answers per socket/host: one succeeds, one is refused, one never answers (until aborted). */
const probe: EngineProbe = (endpoint, signal) => {
  if (endpoint.kind === 'unix') {
    return Promise.resolve(version);
  }
  if (endpoint.kind === 'tcp') {
    return Promise.reject(new EngineError('unreachable', 'No Docker engine answers at tcp://r:1 (ECONNREFUSED).'));
  }
  return new Promise((_, reject) => signal.addEventListener('abort', () => reject(new Error('aborted'))));
};

describe('diagnoseEngines', () => {
  it('classifies every candidate, in parallel, within the deadline', async () => {
    const started = Date.now();
    const findings = await diagnoseEngines(candidates, probe, 200);
    const elapsed = Date.now() - started;
    assert.deepEqual(
      findings.map((f) => [f.candidate.name, f.status, f.errorKind ?? '']),
      [
        ['up', 'reachable', ''],
        ['refused', 'unreachable', 'unreachable'],
        ['hung', 'unreachable', 'timeout'],
        ['gone', 'missing', ''],
        ['bad', 'invalid', ''],
      ],
    );
    assert.ok(elapsed < 1000, `took ${elapsed} ms: one hung engine must cost only the deadline`);
    assert.match(findings[1]?.detail ?? '', /ECONNREFUSED/);
  });

  it('aborts the probe of an engine that misses the deadline', async () => {
    let aborted = false;
    const watching: EngineProbe = (_endpoint, signal) =>
      new Promise((_, reject) =>
        signal.addEventListener('abort', () => {
          aborted = true;
          reject(new Error('aborted'));
        }),
      );
    await diagnoseEngines([candidates[0]!], watching, 50);
    assert.equal(aborted, true);
  });
});

describe('formatDoctorReport', () => {
  it('lists reachable engines first, with version, remote mark and reasons', async () => {
    const report = formatDoctorReport(await diagnoseEngines(candidates, probe, 100), t);
    const rows = report.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| Engine'));
    assert.deepEqual(rows.map((row) => row.split(' | ')[0]?.slice(2)), ['up (default)', 'refused [remote]', 'hung [remote]', 'bad', 'gone']);
    assert.match(report, /1 of 5 engines answered/);
    assert.match(report, /Docker 28\.0\.0 \(API 1\.48, linux\/amd64\)/);
    assert.match(report, /not reachable \(timeout\)/);
    assert.match(report, /\/gone\.sock does not exist/);
  });

  it('escapes table separators inside details', async () => {
    const piped: EngineCandidate = { name: 'a|b', source: 'configuredHost', invalid: 'x | y\nz', remote: false, isDefault: false };
    const report = formatDoctorReport(await diagnoseEngines([piped], probe, 10), t);
    assert.match(report, /a\\\|b/);
    assert.match(report, /x \\\| y z/);
  });
});
