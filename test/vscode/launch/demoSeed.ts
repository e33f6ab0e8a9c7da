/**
 * Idempotently creates demo objects so the explorer shows something on a fresh engine: a running
 * and an exited container, a tagged image, a volume and a network. All carry `berthwise.demo=true`.
 */
import type Docker from 'dockerode';
import { baseImage, testDocker } from '../../engineHelpers';

const demoLabel = { 'berthwise.demo': 'true' };

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
  await ensureContainer(docker, 'berthwise-demo-web', ['httpd', '-f', '-p', '8080'], true);
  await ensureContainer(docker, 'berthwise-demo-job', ['sh', '-c', 'echo job finished'], false);
  if (!(await exists(() => docker.getImage('berthwise-demo/app:1.0').inspect()))) {
    await docker.getImage(baseImage).tag({ repo: 'berthwise-demo/app', tag: '1.0' });
  }
  if (!(await exists(() => docker.getVolume('berthwise-demo-data').inspect()))) {
    await docker.createVolume({ Name: 'berthwise-demo-data', Labels: demoLabel });
  }
  if (!(await exists(() => docker.getNetwork('berthwise-demo-net').inspect()))) {
    await docker.createNetwork({ Name: 'berthwise-demo-net', Internal: true, Labels: demoLabel });
  }
  return ['berthwise-demo-web (running)', 'berthwise-demo-job (exited)', 'berthwise-demo/app:1.0', 'berthwise-demo-data', 'berthwise-demo-net'];
}
