/** Pure parts of the build: BuildKit step names → Dockerfile lines, the progress log, the command comparison, the run dialog's entries. */
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BuildProgress } from '../../../../client/src/build/buildProgress';
import { compareCommand, imageRuns } from '../../../../client/src/build/commandCheck';
import { lineInMessage, parseStepName, stepFor } from '../../../../client/src/build/stepMapping';
import { parseBuildRecord } from '../../../../client/src/engine/build/buildRecords';
import { runHostConfig } from '../../../../client/src/engine/resources/lifecycle';
import { parseEnvEntry, parseMount, parsePort, exposedPortSuggestions } from '../../../../client/src/commands/image/runEntries';
import type { BuildOutlineResult } from '../../../../server/src/protocol';

const outline: BuildOutlineResult = {
  stages: [
    { index: 0, name: 'Build', line: 0, steps: [{ keyword: 'FROM', startLine: 0, endLine: 0 }, { keyword: 'RUN', startLine: 1, endLine: 2 }], runs: 'unknown' },
    { index: 1, line: 4, steps: [{ keyword: 'FROM', startLine: 4, endLine: 4 }, { keyword: 'COPY', startLine: 5, endLine: 5 }], runs: null },
  ],
  args: [],
  sessionMounts: [],
};

describe('BuildKit step names', () => {
  const table: [string, ReturnType<typeof parseStepName>][] = [
    ['[build 2/5] RUN make', { stage: 'build', step: 2, total: 5, keyword: 'RUN' }],
    ['[ 3/12] COPY . /src', { stage: undefined, step: 3, total: 12, keyword: 'COPY' }],
    ['[linux/arm64 stage-1 1/2] FROM docker.io/library/alpine', { stage: 'stage-1', step: 1, total: 2, keyword: 'FROM' }],
    ['[linux/amd64 2/2] RUN true', { stage: undefined, step: 2, total: 2, keyword: 'RUN' }],
    ['[app 1/3] ONBUILD run echo', { stage: 'app', step: 1, total: 3, keyword: 'RUN' }],
    ['[internal] load build context', undefined],
    ['copy /context /', undefined],
  ];
  for (const [name, expected] of table) {
    it(`reads ${name}`, () => assert.deepEqual(parseStepName(name), expected));
  }

  it('maps a named stage case-insensitively, an unnamed one by stage-<index>, and refuses a keyword mismatch', () => {
    assert.equal(stepFor(outline, '[build 2/2] RUN make')?.startLine, 1);
    assert.equal(stepFor(outline, '[stage-1 2/2] COPY . /')?.startLine, 5);
    assert.equal(stepFor(outline, '[stage-1 2/2] RUN x'), undefined);
    assert.equal(stepFor(outline, '[2/2] RUN make'), undefined, 'no stage part is ambiguous with two stages');
    assert.equal(stepFor({ ...outline, stages: [outline.stages[0]!] }, '[2/2] RUN make')?.startLine, 1);
  });

  it('finds a line the engine names in its message', () => {
    assert.equal(lineInMessage('failed to solve with frontend dockerfile.v0: failed to create LLB definition: Dockerfile parse error line 7: unknown instruction: FOO'), 6);
    assert.equal(lineInMessage('Dockerfile:12'), 11);
    assert.equal(lineInMessage('exit code: 3'), undefined);
  });
});

describe('the build progress log', () => {
  it('numbers steps, splits output into lines across updates, and closes each step once', () => {
    const progress = new BuildProgress();
    const a = progress.apply({ vertexes: [{ digest: 'd1', inputs: [], name: '[1/2] FROM x', cached: true, started: 1000, completed: 1000 }], statuses: [], logs: [], warnings: [] });
    assert.deepEqual(a.lines, [{ kind: 'start', step: 1, name: '[1/2] FROM x' }, { kind: 'cached', step: 1 }]);
    progress.apply({ vertexes: [{ digest: 'd2', inputs: ['d1'], name: '[2/2] RUN x', cached: false, started: 2000 }], statuses: [], logs: [], warnings: [] });
    const b = progress.apply({ vertexes: [], statuses: [], logs: [{ vertex: 'd2', stream: 1, data: Buffer.from('one\ntw') }], warnings: [] });
    assert.deepEqual(b.lines, [{ kind: 'output', step: 2, text: 'one', stderr: false }]);
    const c = progress.apply({ vertexes: [{ digest: 'd2', inputs: ['d1'], name: '[2/2] RUN x', cached: false, started: 2000, completed: 3500, error: 'exit code: 1' }], statuses: [], logs: [], warnings: [] });
    assert.deepEqual(c.lines, [{ kind: 'output', step: 2, text: 'tw', stderr: false }, { kind: 'error', step: 2, message: 'exit code: 1' }]);
    assert.deepEqual(c.failed, [{ name: '[2/2] RUN x', error: 'exit code: 1' }]);
    assert.equal(progress.cached, 1);
  });

  it('reads the records of POST /build', () => {
    assert.deepEqual(parseBuildRecord('{"id":"moby.image.id","aux":{"ID":"sha256:abc"}}'), { kind: 'imageId', id: 'sha256:abc' });
    assert.deepEqual(parseBuildRecord('{"errorDetail":{"message":"boom"},"error":"boom"}'), { kind: 'error', message: 'boom' });
    assert.deepEqual(parseBuildRecord('{"stream":"Step 1/2 : FROM x\\n"}'), { kind: 'output', text: 'Step 1/2 : FROM x\n' });
    assert.deepEqual(parseBuildRecord('not json'), { kind: 'output', text: 'not json\n' });
  });
});

describe('the image command check', () => {
  it('combines Entrypoint and Cmd as docker run does, and compares', () => {
    assert.deepEqual(imageRuns({ Entrypoint: ['/init'], Cmd: ['serve'] }), ['/init', 'serve']);
    assert.equal(imageRuns({ Entrypoint: null, Cmd: null }), null);
    assert.deepEqual(compareCommand(['/init', 'serve'], ['/init', 'serve']), { kind: 'match' });
    assert.deepEqual(compareCommand('unknown', ['x']), { kind: 'unpredicted' });
    assert.deepEqual(compareCommand(null, ['x']), { kind: 'mismatch', predicted: null, actual: ['x'] });
  });
});

describe('Run dialog entries', () => {
  const ports: [string, ReturnType<typeof parsePort>][] = [
    ['8080:80', { containerPort: 80, protocol: 'tcp', hostPort: 8080 }],
    ['127.0.0.1:8080:80/udp', { containerPort: 80, protocol: 'udp', hostPort: 8080, hostIp: '127.0.0.1' }],
    ['80', { containerPort: 80, protocol: 'tcp', hostPort: 0 }],
    ['80/tcp', { containerPort: 80, protocol: 'tcp', hostPort: 0 }],
    ['70000:80', undefined],
    ['a:b', undefined],
    ['80/http', undefined],
    ['8080:80; rm -rf /', undefined],
  ];
  for (const [text, expected] of ports) {
    it(`reads the port ${text}`, () => assert.deepEqual(parsePort(text), expected));
  }
  it('reads variables and mounts, and refuses malformed ones', () => {
    assert.equal(parseEnvEntry('A_B=x=y'), 'A_B=x=y');
    assert.equal(parseEnvEntry('1A=x'), undefined);
    assert.equal(parseEnvEntry('NOVALUE'), undefined);
    assert.deepEqual(parseMount('data:/var/lib/data'), { type: 'volume', source: 'data', target: '/var/lib/data', readOnly: false });
    assert.deepEqual(parseMount('/home/me/src:/src:ro'), { type: 'bind', source: '/home/me/src', target: '/src', readOnly: true });
    assert.equal(parseMount('data:relative'), undefined);
    assert.equal(parseMount('bad name:/x'), undefined);
  });
  it('suggests the exposed ports on the same host port, and builds the engine request fields', () => {
    assert.deepEqual(exposedPortSuggestions({ Config: { ExposedPorts: { '80/tcp': {}, '53/udp': {} } } }), [
      { containerPort: 80, protocol: 'tcp', hostPort: 80 },
      { containerPort: 53, protocol: 'udp', hostPort: 53 },
    ]);
    assert.deepEqual(runHostConfig({ image: 'x', ports: [{ containerPort: 80, protocol: 'tcp', hostPort: 0 }], restartPolicy: 'always', networkMode: 'none' }), {
      HostConfig: { NetworkMode: 'none', PortBindings: { '80/tcp': [{ HostIp: '', HostPort: '' }] }, RestartPolicy: { Name: 'always' } },
      ExposedPorts: { '80/tcp': {} },
    });
  });
});
