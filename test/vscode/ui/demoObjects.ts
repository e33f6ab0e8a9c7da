import { baseImage, createTestContainer, removeLabelled, testDocker, testLabel, uniqueSuffix } from '../../engineHelpers';

/** Engine objects the UI checks expect to see in the views. */
export interface DemoObjects {
  readonly containerName: string;
  /** A running container that printed three known lines (`berthwise-log-line-1` … `-3`). */
  readonly logsContainerName: string;
  readonly composeProject: string;
  readonly imageRepository: string;
  readonly volumeName: string;
  readonly networkName: string;
  remove(): Promise<void>;
}

/**
 * Creates a running container, one that prints log lines, a small Compose-labelled project (a running web container using a
 * volume and an exited worker), a tagged image, a volume and a network, each with a unique name.
 */
export async function createDemoObjects(): Promise<DemoObjects> {
  const docker = testDocker();
  const suffix = uniqueSuffix();
  const containerName = `berthwise-ui-${suffix}`;
  const logsContainerName = `berthwise-ui-logs-${suffix}`;
  const composeProject = `shop-${suffix}`;
  const imageRepository = `berthwise-ui/app-${suffix}`;
  const volumeName = `berthwise-ui-vol-${suffix}`;
  const networkName = `berthwise-ui-net-${suffix}`;
  await createTestContainer(docker, containerName, ['sleep', '600'], true);
  await createTestContainer(docker, logsContainerName, ['sh', '-c', 'for i in 1 2 3; do echo berthwise-log-line-$i; done; sleep 600'], true);
  await docker.createVolume({ Name: volumeName, Labels: { [testLabel]: 'true' } });
  await docker.createNetwork({ Name: networkName, Driver: 'bridge', Internal: true, Labels: { [testLabel]: 'true' } });
  await docker.getImage(baseImage).tag({ repo: imageRepository, tag: '1.0' });
  const compose = (service: string): Record<string, string> => ({ [testLabel]: 'true', 'com.docker.compose.project': composeProject, 'com.docker.compose.service': service });
  const web = await docker.createContainer({
    name: `${composeProject}-web-1-${suffix}`,
    Image: `${imageRepository}:1.0`,
    Cmd: ['sleep', '600'],
    Labels: compose('web'),
    HostConfig: { NetworkMode: 'none', Binds: [`${volumeName}:/data`] },
  });
  await web.start();
  await docker.createContainer({ name: `${composeProject}-worker-1-${suffix}`, Image: baseImage, Cmd: ['true'], Labels: compose('worker'), HostConfig: { NetworkMode: 'none' } });
  return {
    containerName,
    logsContainerName,
    composeProject,
    imageRepository,
    volumeName,
    networkName,
    remove: async () => {
      await removeLabelled(docker, suffix);
      await docker.getImage(`${imageRepository}:1.0`).remove().catch(() => undefined);
    },
  };
}
