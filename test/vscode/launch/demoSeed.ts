/**
 * Idempotently creates demo objects so the explorer shows something on a fresh engine: a running
 * and an exited container, a tagged image, a volume and a network. All carry `dockhand.demo=true`.
 */
import type Docker from 'dockerode';
import { baseImage, testDocker } from '../../engineHelpers';

const demoLabel = { 'dockhand.demo': 'true' };

async function exists(probe: () => Promise<unknown>): Promise<boolean> {
  try {
    await probe();
    return true;
  } catch {
    return false;
  }
}

async function ensureContainer(docker: Docker, name: string, cmd: string[], start: boolean): Promise<void> {
  if (await exists(() => docker.getContainer(name).inspect())) {
    return;
  }
  const container = await docker.createContainer({ name, Image: baseImage, Cmd: cmd, Labels: demoLabel, HostConfig: { NetworkMode: 'none' } });
  await container.start();
  if (!start) {
    await container.wait();
  }
}

/** Creates whatever demo object is missing and returns their names. */
export async function seedDemoObjects(): Promise<string[]> {
  const docker = testDocker();
  await ensureContainer(docker, 'dockhand-demo-web', ['httpd', '-f', '-p', '8080'], true);
  await ensureContainer(docker, 'dockhand-demo-job', ['sh', '-c', 'echo job finished'], false);
  if (!(await exists(() => docker.getImage('dockhand-demo/app:1.0').inspect()))) {
    await docker.getImage(baseImage).tag({ repo: 'dockhand-demo/app', tag: '1.0' });
  }
  if (!(await exists(() => docker.getVolume('dockhand-demo-data').inspect()))) {
    await docker.createVolume({ Name: 'dockhand-demo-data', Labels: demoLabel });
  }
  if (!(await exists(() => docker.getNetwork('dockhand-demo-net').inspect()))) {
    await docker.createNetwork({ Name: 'dockhand-demo-net', Internal: true, Labels: demoLabel });
  }
  return ['dockhand-demo-web (running)', 'dockhand-demo-job (exited)', 'dockhand-demo/app:1.0', 'dockhand-demo-data', 'dockhand-demo-net'];
}
