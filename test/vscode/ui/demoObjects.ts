import { createTestContainer, removeLabelled, testDocker, testLabel, uniqueSuffix } from '../../engineHelpers';

/** Engine objects the UI checks expect to see in the views. */
export interface DemoObjects {
  readonly containerName: string;
  readonly volumeName: string;
  readonly networkName: string;
  remove(): Promise<void>;
}

/** Creates a running container, a volume and a network, each with a unique name. */
export async function createDemoObjects(): Promise<DemoObjects> {
  const docker = testDocker();
  const suffix = uniqueSuffix();
  const containerName = `dockhand-ui-${suffix}`;
  const volumeName = `dockhand-ui-vol-${suffix}`;
  const networkName = `dockhand-ui-net-${suffix}`;
  await createTestContainer(docker, containerName, ['sleep', '600'], true);
  await docker.createVolume({ Name: volumeName, Labels: { [testLabel]: 'true' } });
  await docker.createNetwork({ Name: networkName, Driver: 'bridge', Internal: true, Labels: { [testLabel]: 'true' } });
  return { containerName, volumeName, networkName, remove: () => removeLabelled(docker, suffix) };
}
