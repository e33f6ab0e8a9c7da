/**
 * An ssh:// engine for real: Debian's sshd on loopback, the test engine behind `docker system
 * dial-stdio`, our known_hosts check and identity files, one SSH connection for many calls; the
 * explorer's four views built from lists read over SSH and over the socket are the same; exec,
 * logs, every lifecycle command and prune work over SSH as over the socket.
 */
import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parseHost } from '../../client/src/engine/resolution/connection';
import { createEngine, type Engine } from '../../client/src/engine/engine';
import { EngineError } from '../../client/src/engine/errors';
import type { ContainerAction } from '../../client/src/engine/resources/lifecycle';
import { LogFollower } from '../../client/src/engine/streams/logFollower';
import { planPrune } from '../../client/src/engine/prune/prunePlan';
import { runPrunePlan } from '../../client/src/engine/prune/pruneRun';
import type { EngineObjectKind } from '../../client/src/engine/types';
import { containerDescriptor, formatOnly, imageDescriptor, networkDescriptor, volumeDescriptor, type TreeItemModel, type ViewOptions } from '../../client/src/explorer/descriptors';
import { ExplorerState } from '../../client/src/explorer/explorerState';
import { baseImage, createTestContainer, removeLabelled, testDocker, testLabel, uniqueSuffix } from '../engineHelpers';
import { freePort } from '../freePort';
import { startSshFixture, type SshFixture } from './sshFixture';

describe('engine over SSH', () => {
  const docker = testDocker();
  const suffix = uniqueSuffix();
  const savedHome = process.env['HOME'];
  const savedAgent = process.env['SSH_AUTH_SOCK'];
  let fixture: SshFixture;
  let local: Engine;
  let remote: Engine;
  let containerId = '';

  before(async () => {
    const host = process.env['DOCKER_HOST'];
    assert.ok(host, 'DOCKER_HOST names the test engine');
    fixture = await startSshFixture(host);
    // The product reads ~/.ssh (identity, known_hosts) from HOME: point it at the fixture's.
    process.env['HOME'] = fixture.home;
    delete process.env['SSH_AUTH_SOCK'];
    fixture.writeKnownHosts(fixture.hostKeyLine);
    local = createEngine(parseHost(host), 15_000);
    remote = createEngine(parseHost(`ssh://root@127.0.0.1:${fixture.port}`), 15_000);
    const container = await createTestContainer(docker, `berthwise-ssh-${suffix}`, ['sh', '-c', `echo hello-over-ssh-${suffix}; sleep 600`], true);
    containerId = container.id;
  });
  after(async () => {
    remote?.dispose?.();
    process.env['HOME'] = savedHome;
    if (savedAgent !== undefined) {
      process.env['SSH_AUTH_SOCK'] = savedAgent;
    }
    await removeLabelled(docker, suffix);
    await fixture?.stop();
  });

  it('lists the same containers over SSH as over the socket', async () => {
    const [overSocket, overSsh] = await Promise.all([local.listContainers(), remote.listContainers()]);
    // `status` is relative text ("Up 1 second") and may tick between the two calls: compare without it.
    const mine = (list: typeof overSocket): unknown[] => list.filter((c) => c.id === containerId).map(({ status: _status, ...stable }) => stable);
    assert.equal(mine(overSsh).length, 1);
    assert.deepEqual(mine(overSsh), mine(overSocket));
    // Others create containers concurrently: the lists agree on every container both saw.
    const socketIds = new Set(overSocket.map((c) => c.id));
    assert.ok(overSsh.filter((c) => socketIds.has(c.id)).length >= Math.min(overSsh.length, overSocket.length) - 5);
    assert.deepEqual(await remote.version(), await local.version());
  });

  it('the explorer shows the same objects over SSH as over the socket, in all four views', async () => {
    const volumeName = `berthwise-ssh-vol-${suffix}`;
    const networkName = `berthwise-ssh-net-${suffix}`;
    const repository = `berthwise-test/ssh-${suffix}`;
    await docker.createVolume({ Name: volumeName, Labels: { [testLabel]: 'true' } });
    await docker.createNetwork({ Name: networkName, Driver: 'bridge', Internal: true, Labels: { [testLabel]: 'true' } });
    await docker.getImage(baseImage).tag({ repo: repository, tag: 'v1' });
    try {
      const options: ViewOptions = { groupContainersByComposeProject: true, sortBy: 'name', now: Date.now(), t: formatOnly };
      const descriptors = { container: containerDescriptor, image: imageDescriptor, volume: volumeDescriptor, network: networkDescriptor } as const;
      /** The rows of one view that are this test's, as the tree would show them. */
      const rows = async (engine: Engine, kind: EngineObjectKind): Promise<unknown[]> => {
        const state = new ExplorerState();
        if (kind === 'container') {
          state.replace(kind, await engine.listContainers());
        } else if (kind === 'image') {
          state.replace(kind, await engine.listImages());
        } else if (kind === 'volume') {
          state.replace(kind, await engine.listVolumes());
        } else {
          state.replace(kind, await engine.listNetworks());
        }
        const flat = (items: readonly TreeItemModel[]): TreeItemModel[] => items.flatMap((item) => [item, ...flat(item.children ?? [])]);
        return flat(descriptors[kind].buildTree(state, options))
          .filter((item) => item.label.includes(suffix) || item.id === containerId)
          // A container's status is relative text ("Up 1 second") that may tick between the two reads.
          .map(({ description, tooltip, children: _children, ...stable }) => (kind === 'container' ? stable : { ...stable, description, tooltip }));
      };
      for (const kind of ['container', 'image', 'volume', 'network'] as const) {
        const [overSocket, overSsh] = await Promise.all([rows(local, kind), rows(remote, kind)]);
        assert.ok(overSsh.length > 0, `the ${kind} view over SSH shows this test's objects`);
        assert.deepEqual(overSsh, overSocket, `the ${kind} view is the same over SSH`);
      }
    } finally {
      await docker.getImage(`${repository}:v1`).remove().catch(() => undefined);
    }
  });

  it('reads logs over SSH', async () => {
    const deadline = Date.now() + 10_000;
    let text = '';
    while (!text.includes(`hello-over-ssh-${suffix}`) && Date.now() < deadline) {
      text = (await remote.readLogs(containerId, { timestamps: false, tail: 'all', since: 0 })).data.toString();
    }
    assert.match(text, new RegExp(`hello-over-ssh-${suffix}`));
  });

  it('runs exec over SSH', async () => {
    const result = await remote.runExec(containerId, ['echo', `exec-${suffix}`]);
    assert.equal(result.exitCode, 0);
    assert.equal(result.stdout.trim(), `exec-${suffix}`);
  });

  it('runs an interactive TTY exec session over SSH (hijacked stream, resize)', async () => {
    const session = await remote.startExecSession({ containerId, cmd: ['sh'], rows: 24, columns: 80 });
    let output = '';
    session.onData((data) => (output += data.toString()));
    const exited = new Promise<number | undefined>((resolve) => session.onExit(resolve));
    const waitForOutput = async (pattern: RegExp): Promise<void> => {
      const deadline = Date.now() + 10_000;
      while (!pattern.test(output)) {
        assert.ok(Date.now() < deadline, `no ${String(pattern)} in ${JSON.stringify(output)}`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    };
    session.write('echo ssh $((40+2))\r');
    await waitForOutput(/ssh 42/);
    await session.resize(31, 99);
    session.write('stty size\r');
    await waitForOutput(/31 99/);
    session.write('exit 4\r');
    assert.equal(await exited, 4);
  });

  it('follows logs over SSH, live', async () => {
    const lines: string[] = [];
    const follower = new LogFollower(remote, containerId, { tail: 'all', since: 0 }, {
      line: (text) => void lines.push(text),
      gap: () => undefined,
      failed: (error) => assert.fail(String(error)),
    });
    const waitForLine = async (text: string): Promise<void> => {
      const deadline = Date.now() + 10_000;
      while (!lines.some((line) => line.includes(text))) {
        assert.ok(Date.now() < deadline, `no line ${text} in ${JSON.stringify(lines)}`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    };
    try {
      await follower.start();
      await waitForLine(`hello-over-ssh-${suffix}`);
      // A line written after the follower attached proves the stream is live over the channel.
      await remote.runExec(containerId, ['sh', '-c', `echo later-${suffix} > /proc/1/fd/1`]);
      await waitForLine(`later-${suffix}`);
    } finally {
      follower.stop();
    }
  });

  it('runs every lifecycle command over SSH', async () => {
    // Exits on TERM at once, so stop and restart do not wait out the engine's grace period.
    const created = await docker.createContainer({
      name: `berthwise-ssh-life-${suffix}`,
      Image: baseImage,
      Cmd: ['sh', '-c', 'trap "exit 0" TERM; while true; do sleep 1; done'],
      Labels: { [testLabel]: 'true' },
      HostConfig: { NetworkMode: 'none' },
    });
    const id = created.id;
    const state = async (): Promise<string> => {
      const info = await docker.getContainer(id).inspect();
      return info.State.Paused ? 'paused' : info.State.Running ? 'running' : 'stopped';
    };
    const steps: [ContainerAction, string][] = [['start', 'running'], ['pause', 'paused'], ['unpause', 'running'], ['stop', 'stopped'], ['restart', 'running'], ['kill', 'stopped']];
    for (const [action, expected] of steps) {
      await remote.containerAction(id, action);
      assert.equal(await state(), expected, `after ${action} over SSH`);
    }
    await remote.renameContainer(id, `berthwise-ssh-renamed-${suffix}`);
    assert.equal((await docker.getContainer(id).inspect()).Name, `/berthwise-ssh-renamed-${suffix}`);
    await remote.removeContainer(id, false);
    await assert.rejects(docker.getContainer(id).inspect(), /no such container/i);
  });

  it('prunes over SSH exactly the previewed objects, keeping protected ones', async () => {
    const run = `ssh-prune-${suffix}`;
    const labels = (extra: Record<string, string> = {}): Record<string, string> => ({ [testLabel]: 'true', 'berthwise.test.run': run, ...extra });
    const unused = `berthwise-ssh-prune-${suffix}`;
    const kept = `berthwise-ssh-keep-${suffix}`;
    await docker.createVolume({ Name: unused, Labels: labels() });
    await docker.createVolume({ Name: kept, Labels: labels({ 'berthwise.protect': 'true' }) });
    const stopped = await docker.createContainer({ name: `berthwise-ssh-stopped-${suffix}`, Image: baseImage, Cmd: ['true'], Labels: labels(), HostConfig: { NetworkMode: 'none' } });
    const watch = await remote.watchVolumeChanges();
    const plan = planPrune(await remote.readPruneInventory(), { kinds: ['containers', 'volumes'], allImages: false, protectionLabel: 'berthwise.protect=true', scopeLabel: `berthwise.test.run=${run}` });
    assert.deepEqual(plan.items.map((item) => item.id).sort(), [stopped.id, unused].sort());
    assert.ok(plan.excluded.some((exclusion) => exclusion.id === kept && exclusion.reason === 'protected'));
    const summary = await runPrunePlan(plan.items, (item) => remote.removePruneItem(item, { volumeWatch: watch })).finally(() => watch.close());
    assert.deepEqual(summary.removed.map((item) => item.id).sort(), [stopped.id, unused].sort());
    await assert.rejects(docker.getVolume(unused).inspect());
    await assert.rejects(docker.getContainer(stopped.id).inspect());
    await docker.getVolume(kept).inspect();
  });

  it('makes one SSH handshake for many calls', async () => {
    const before = remote.handshakes?.() ?? -1;
    for (let i = 0; i < 10; i++) {
      await remote.ping();
    }
    await Promise.all([remote.listImages(), remote.listVolumes(), remote.listNetworks(), remote.listContainers()]);
    assert.equal(remote.handshakes?.(), before);
    assert.equal(before, 1);
  });

  it('works through dial-stdio when the server forbids socket forwarding', async () => {
    const host = process.env['DOCKER_HOST'] ?? '';
    const strict = await startSshFixture(host, { allowSocketForwarding: false });
    const knownHosts = strict.writeKnownHosts(strict.hostKeyLine, `${fixture.home}/.ssh/strict_known_hosts`);
    process.env['HOME'] = strict.home; // that server authorizes its own generated user key
    const engine = createEngine(parseHost(`ssh://root@127.0.0.1:${strict.port}`), 15_000, { knownHostsPath: knownHosts });
    try {
      // Several rounds of parallel calls: some connections open after the socket was discovered.
      for (let round = 0; round < 3; round++) {
        const [containers] = await Promise.all([engine.listContainers(), engine.ping(), engine.version()]);
        assert.ok(containers.some((c) => c.id === containerId));
      }
      assert.equal(engine.handshakes?.(), 1);
    } finally {
      process.env['HOME'] = fixture.home;
      engine.dispose?.();
      await strict.stop();
    }
  });

  it('refuses an unknown host key with a clear message', async () => {
    const emptyKnownHosts = fixture.writeKnownHosts('', `${fixture.home}/.ssh/empty_known_hosts`);
    const stranger = createEngine(parseHost(`ssh://root@127.0.0.1:${fixture.port}`), 10_000, { knownHostsPath: emptyKnownHosts });
    try {
      await assert.rejects(stranger.ping(), (error: unknown) => {
        assert.ok(error instanceof EngineError);
        assert.match(error.message, /host key of \[127\.0\.0\.1\]:\d+ \(SHA256:[A-Za-z0-9+/]+\) is not in .*empty_known_hosts/);
        return true;
      });
    } finally {
      stranger.dispose?.();
    }
  });

  it('refuses a changed host key', async () => {
    const path = fixture.writeKnownHosts(fixture.strangerKeyLine(), `${fixture.home}/.ssh/changed_known_hosts`);
    const changed = createEngine(parseHost(`ssh://root@127.0.0.1:${fixture.port}`), 10_000, { knownHostsPath: path });
    try {
      await assert.rejects(changed.ping(), /does not match the one in .*changed_known_hosts/);
    } finally {
      changed.dispose?.();
    }
  });

  it('accepts the host key from a configured known_hosts path', async () => {
    const path = fixture.writeKnownHosts(fixture.hostKeyLine, `${fixture.home}/.ssh/other_known_hosts`);
    const trusted = createEngine(parseHost(`ssh://root@127.0.0.1:${fixture.port}`), 10_000, { knownHostsPath: path });
    try {
      await trusted.ping();
    } finally {
      trusted.dispose?.();
    }
  });

  it('reports an SSH port where nothing listens as unreachable', async () => {
    const nobody = createEngine(parseHost(`ssh://root@127.0.0.1:${await freePort()}`), 10_000);
    try {
      await assert.rejects(nobody.ping(), (error: unknown) => error instanceof EngineError && error.kind === 'unreachable' && /ECONNREFUSED/.test(error.message));
    } finally {
      nobody.dispose?.();
    }
  });

  it('reports a refused login as permission denied', async () => {
    const stranger = createEngine(parseHost(`ssh://nobody@127.0.0.1:${fixture.port}`), 10_000);
    try {
      await assert.rejects(stranger.ping(), (error: unknown) => error instanceof EngineError && error.kind === 'permissionDenied' && /SSH login/.test(error.message));
    } finally {
      stranger.dispose?.();
    }
  });
});
