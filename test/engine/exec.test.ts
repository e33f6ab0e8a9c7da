/** Exec over a real TTY: a command round trip, resize, exit; shell probing with and without a shell. */
import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Engine } from '../../client/src/engine/engine';
import type { ExecSession } from '../../client/src/engine/streams/exec';
import { probeShell } from '../../client/src/engine/streams/shellProbe';
import { baseImage, removeLabelled, testDocker, testEngine, testLabel, uniqueSuffix } from '../engineHelpers';

/** Collects a session's output and waits for a pattern in it (with a deadline). */
function recorder(session: ExecSession): { waitFor(pattern: RegExp, timeoutMs?: number): Promise<string>; text(): string } {
  let output = '';
  const waiters: (() => void)[] = [];
  session.onData((data) => {
    output += data.toString('utf8');
    waiters.splice(0).forEach((wake) => wake());
  });
  return {
    text: () => output,
    waitFor: (pattern, timeoutMs = 10_000) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no ${String(pattern)} in output: ${JSON.stringify(output)}`)), timeoutMs);
        const check = (): void => {
          const match = pattern.exec(output);
          if (match) {
            clearTimeout(timer);
            resolve(match[0]);
          } else {
            waiters.push(check);
          }
        };
        check();
      }),
  };
}

describe('exec against the real engine', () => {
  const docker = testDocker();
  const suffix = uniqueSuffix();
  const labels = { [testLabel]: 'true' };
  const noShellImage = `berthwise-test/noshell-${suffix}`;
  let engine: Engine;
  let containerId = '';

  before(async () => {
    engine = testEngine(15_000);
    const container = await docker.createContainer({ name: `berthwise-exec-${suffix}`, Image: baseImage, Cmd: ['sleep', '300'], Labels: labels, HostConfig: { NetworkMode: 'none' } });
    await container.start();
    containerId = container.id;
  });
  after(async () => {
    await removeLabelled(docker, suffix);
    await docker.getImage(noShellImage).remove({ force: true }).catch(() => undefined);
  });

  it('runs a command on a TTY, forwards a resize and reports the exit code', async () => {
    const session = await engine.startExecSession({ containerId, cmd: ['sh'], rows: 24, columns: 80 });
    const output = recorder(session);
    const exited = new Promise<number | undefined>((resolve) => session.onExit(resolve));
    // The typed text echoes back; only the shell's arithmetic can print 42 on a line of its own.
    session.write('echo hi $((40+2))\r');
    await output.waitFor(/hi 42/);
    await session.resize(33, 101);
    session.write('stty size\r');
    await output.waitFor(/33 101/);
    session.write('exit 3\r');
    assert.equal(await exited, 3);
  });

  it('closes the session when the container stops', async () => {
    const container = await docker.createContainer({ name: `berthwise-exec-stop-${suffix}`, Image: baseImage, Cmd: ['sleep', '300'], Labels: labels, HostConfig: { NetworkMode: 'none' } });
    await container.start();
    const session = await engine.startExecSession({ containerId: container.id, cmd: ['sh'] });
    const exited = new Promise<number | undefined>((resolve) => session.onExit(resolve));
    await container.kill();
    await exited;
  });

  it('reports a signal exit as the command\'s own while its container keeps running (no "removed" reason)', async () => {
    const session = await engine.startExecSession({ containerId, cmd: ['sh', '-c', 'kill -9 $$'] });
    const exit = await new Promise<{ code: number | undefined; lost: unknown }>((resolve) => session.onExit((code, lost) => resolve({ code, lost })));
    assert.deepEqual(exit, { code: 137, lost: undefined });
    assert.equal((await docker.getContainer(containerId).inspect()).State.Running, true);
  });

  it('probes the shell of the busybox image (ash before sh; no bash there)', async () => {
    const shell = await probeShell(async (cmd) => (await engine.runExec(containerId, cmd)).exitCode);
    assert.equal(shell, 'ash');
  });

  it('finds no shell in an image that has none', async () => {
    // An image whose only file is the busybox binary, under a name no probe tries: built locally
    // from the base image's own file, so nothing is pulled.
    const archive = await docker.getContainer(containerId).getArchive({ path: '/bin/busybox' });
    await new Promise<void>((resolve, reject) => {
      void docker.importImage(archive, { repo: noShellImage, tag: 'latest' }, (error: unknown, stream?: NodeJS.ReadableStream) => {
        if (error || !stream) {
          reject(error instanceof Error ? error : new Error('import failed'));
          return;
        }
        stream.on('end', resolve);
        stream.on('error', reject);
        stream.resume();
      });
    });
    const container = await docker.createContainer({
      name: `berthwise-exec-noshell-${suffix}`,
      Image: `${noShellImage}:latest`,
      Cmd: ['/busybox', 'sleep', '300'],
      Labels: labels,
      HostConfig: { NetworkMode: 'none' },
    });
    await container.start();
    const shell = await probeShell(async (cmd) => (await engine.runExec(container.id, cmd)).exitCode);
    assert.equal(shell, undefined);
  });
});
