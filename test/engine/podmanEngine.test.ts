/**
 * Podman's Docker-compatible API for real: a private `podman system service`, the busybox base
 * image copied in from the test engine (docker save → images/load, nothing pulled), a container on
 * the `none` network; the Engine and the doctor see it all. The service listens where rootless
 * Podman puts its socket, and the engine list finds it there.
 */
import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Docker from 'dockerode';
import { parseHost } from '../../client/src/engine/resolution/connection';
import { diagnoseEngines } from '../../client/src/engine/resolution/doctor';
import { createEngine, type Engine } from '../../client/src/engine/engine';
import { listEngineCandidates } from '../../client/src/engine/resolution/engines';
import { baseImage, testDocker, testLabel, uniqueSuffix } from '../engineHelpers';
import { modestUlimits, startPodmanService, type PodmanService } from './podmanFixture';

describe('Podman engine', () => {
  const suffix = uniqueSuffix();
  let service: PodmanService;
  let podman: Docker;
  let engine: Engine;
  let containerId = '';
  const runtimeDir = mkdtempSync(join(tmpdir(), 'dh-xdg-'));

  before(async () => {
    // Served where rootless Podman puts its socket, so the test can also check that it is found there.
    service = await startPodmanService({ runtimeDir });
    podman = new Docker({ socketPath: service.socketPath });
    const archive = await testDocker().getImage(baseImage).get();
    const loading = await podman.loadImage(archive);
    await new Promise<void>((resolve, reject) => {
      loading.on('end', resolve);
      loading.on('error', reject);
      loading.resume();
    });
    await podman.createVolume({ Name: `berthwise-podman-${suffix}`, Labels: { [testLabel]: 'true' } });
    const container = await podman.createContainer({
      name: `berthwise-podman-${suffix}`,
      Image: baseImage,
      Cmd: ['sh', '-c', `echo hello-podman-${suffix}; sleep 600`],
      Labels: { [testLabel]: 'true' },
      HostConfig: { NetworkMode: 'none', Ulimits: modestUlimits },
    });
    containerId = container.id; // removed in after() even when starting fails
    await container.start();
    engine = createEngine(parseHost(`unix://${service.socketPath}`), 20_000);
  });
  after(async () => {
    if (containerId) {
      await podman?.getContainer(containerId).remove({ force: true }).catch(() => undefined);
    }
    await service?.stop();
    rmSync(runtimeDir, { recursive: true, force: true });
  });

  it('is found at the rootless socket ($XDG_RUNTIME_DIR/podman/podman.sock), the rootful one listed at /run/podman/podman.sock', async () => {
    const candidates = listEngineCandidates({
      hostSetting: '',
      env: { XDG_RUNTIME_DIR: runtimeDir },
      exists: existsSync,
      uid: process.getuid?.() ?? 0,
      homeDir: runtimeDir,
      configuredHosts: [],
      listDir: () => [],
    });
    const byName = new Map(candidates.map((candidate) => [candidate.name, candidate]));
    const rootless = byName.get('podman-rootless');
    assert.deepEqual(rootless?.endpoint, { kind: 'unix', socketPath: service.socketPath });
    assert.equal(rootless.missing, undefined, 'the socket file exists');
    assert.equal(rootless.remote, false);
    assert.deepEqual(byName.get('podman')?.endpoint, { kind: 'unix', socketPath: '/run/podman/podman.sock' });
    assert.equal(byName.get('podman')?.missing, existsSync('/run/podman/podman.sock') ? undefined : true);
    // What the doctor and the engine picker do with the candidate found: it answers.
    const [finding] = await diagnoseEngines([rootless], (endpoint, signal) => createEngine(endpoint, 4_000).version({ signal }), 4_000);
    assert.equal(finding?.status, 'reachable', finding?.detail);
  });

  it('lists the containers, images and volumes of the Podman service', async () => {
    const [containers, images, volumes] = await Promise.all([engine.listContainers(), engine.listImages(), engine.listVolumes()]);
    const mine = containers.find((container) => container.id === containerId);
    assert.ok(mine, 'the container is listed');
    assert.equal(mine.state, 'running');
    assert.ok(images.some((image) => image.repoTags.some((tag) => tag.endsWith('berthwise-test/busybox:latest'))), JSON.stringify(images.map((image) => image.repoTags)));
    assert.ok(volumes.some((volume) => volume.name === `berthwise-podman-${suffix}`));
  });

  it('reads a container log through the compatible API', async () => {
    const deadline = Date.now() + 10_000;
    let text = '';
    while (!text.includes(`hello-podman-${suffix}`) && Date.now() < deadline) {
      text = (await engine.readLogs(containerId, { timestamps: false, tail: 'all', since: 0 })).data.toString();
    }
    assert.match(text, new RegExp(`hello-podman-${suffix}`));
  });

  it('is reported reachable by the engine doctor, with its version', async () => {
    const [finding] = await diagnoseEngines(
      [{ name: 'podman-test', source: 'configuredHost', endpoint: { kind: 'unix', socketPath: service.socketPath }, remote: false, isDefault: false }],
      (endpoint, signal) => createEngine(endpoint, 4_000).version({ signal }),
      4_000,
    );
    assert.equal(finding?.status, 'reachable', finding?.detail);
    assert.match(finding.version?.version ?? '', /^\d+\.\d+/);
  });
});
