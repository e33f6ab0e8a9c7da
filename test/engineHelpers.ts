/**
 * Test-side access to the real engine (tests may use dockerode directly to arrange and inspect
 * state; product code reaches the engine only through client/src/engine/).
 */
import Docker from 'dockerode';
import { parseHost } from '../client/src/engine/resolution/connection';
import { createEngine, type Engine } from '../client/src/engine/engine';

export const baseImage = 'berthwise-test/busybox:latest';
export const testLabel = 'berthwise.test';

/** The product's engine layer on the engine the test script started (DOCKER_HOST). */
export function testEngine(timeoutMs: number): Engine {
  const host = process.env['DOCKER_HOST'];
  if (!host) {
    throw new Error('DOCKER_HOST is not set: run the engine tier through `npm test`, which starts an engine');
  }
  return createEngine(parseHost(host), timeoutMs);
}

/** dockerode pointed at the engine the test script chose (DOCKER_HOST), or the default socket. */
export function testDocker(): Docker {
  const host = process.env['DOCKER_HOST'] ?? 'unix:///var/run/docker.sock';
  if (!host.startsWith('unix://')) {
    throw new Error(`tests expect a unix:// DOCKER_HOST, got ${host}`);
  }
  return new Docker({ socketPath: host.slice('unix://'.length) });
}

/** A short unique suffix so parallel or repeated runs never reuse names. */
export function uniqueSuffix(): string {
  return `${process.pid.toString(36)}${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
}

/** Creates (and optionally starts) a busybox container on the `none` network. */
export async function createTestContainer(docker: Docker, name: string, cmd: string[], start: boolean): Promise<Docker.Container> {
  const container = await docker.createContainer({
    name,
    Image: baseImage,
    Cmd: cmd,
    Labels: { [testLabel]: 'true' },
    HostConfig: { NetworkMode: 'none' },
  });
  if (start) {
    await container.start();
  }
  return container;
}

/** Removes everything carrying the test label, ignoring objects already gone. */
export async function removeLabelled(docker: Docker, suffix: string): Promise<void> {
  const filters = JSON.stringify({ label: [`${testLabel}`] });
  for (const info of await docker.listContainers({ all: true, filters })) {
    if (info.Names.some((name) => name.includes(suffix))) {
      await docker.getContainer(info.Id).remove({ force: true }).catch(() => undefined);
    }
  }
  for (const volume of (await docker.listVolumes({ filters })).Volumes ?? []) {
    if (volume.Name.includes(suffix)) {
      await docker.getVolume(volume.Name).remove().catch(() => undefined);
    }
  }
  for (const network of await docker.listNetworks({ filters })) {
    if (network.Name.includes(suffix)) {
      await docker.getNetwork(network.Id).remove().catch(() => undefined);
    }
  }
}

/**
 * Collects unhandled rejections and uncaught exceptions between `start()` and `stop()`, so a fault
 * test can assert that nothing escaped (Node would otherwise only print them, or end the run).
 */
export function unhandledErrors(): { readonly seen: unknown[]; start(): void; stop(): void } {
  const seen: unknown[] = [];
  const record = (reason: unknown): void => void seen.push(reason);
  return {
    seen,
    start: () => {
      process.on('unhandledRejection', record);
      process.on('uncaughtException', record);
    },
    stop: () => {
      process.off('unhandledRejection', record);
      process.off('uncaughtException', record);
    },
  };
}
