import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { EngineHealth } from '../../../../client/src/engines/engineMonitor';
import { engineRows } from '../../../../client/src/engines/engineRows';

const t = (message: string, ...args: string[]): string => message.replace(/\{(\d+)\}/g, (_, index: string) => args[Number(index)] ?? '');
const version = { version: '28.1.0', apiVersion: '1.49', os: 'linux', arch: 'amd64' };

describe('Engines view rows', () => {
  const health: EngineHealth[] = [
    { name: 'local', target: 'unix:///run/docker.sock', remote: false, state: 'reachable', version },
    { name: 'build', target: 'ssh://ci@build:22', remote: true, state: 'unreachable', error: 'connect ECONNREFUSED 10.0.0.5:22' },
    { name: 'cloud', target: 'tcp://cloud:2376', remote: true, state: 'connecting' },
  ];

  it('shows each engine with its own state and version; the first is the one the views show', () => {
    const rows = engineRows(health, t);
    assert.deepEqual(
      rows.map((row) => [row.label, row.description, row.icon.id, row.shown, row.contextValue]),
      [
        ['local', 'Docker 28.1.0 · unix:///run/docker.sock · shown in the views', 'vm-active', true, 'engine.shown'],
        ['build', 'unreachable · remote ssh://ci@build:22', 'vm-outline', false, 'engine.other.remote'],
        ['cloud', 'connecting… · remote tcp://cloud:2376', 'loading~spin', false, 'engine.other.remote'],
      ],
    );
  });

  it('explains in the tooltip why an engine is unreachable and what a click does', () => {
    const [local, build] = engineRows(health, t);
    assert.match(build?.tooltip ?? '', /Remote engine[\s\S]*Unreachable: connect ECONNREFUSED 10\.0\.0\.5:22[\s\S]*Click to show this engine/);
    assert.match(local?.tooltip ?? '', /Docker 28\.1\.0 \(API 1\.49, linux\/amd64\)[\s\S]*views show this engine/);
  });

  it('colours the state icon: green when it answers, red when it does not', () => {
    const [local, build] = engineRows(health, t);
    assert.deepEqual(local?.icon, { id: 'vm-active', color: 'testing.iconPassed' });
    assert.deepEqual(build?.icon, { id: 'vm-outline', color: 'errorForeground' });
  });
});
