/** Engine objects for the explorer's unit tests, in the shape the engine module returns them. */
import type { ContainerSummary } from '../../../../client/src/engine/types';

/** A running container named `name` (id `id-<name>`), with `extra` fields overriding the defaults. */
export const container = (name: string, extra: Partial<ContainerSummary> = {}): ContainerSummary => ({
  id: `id-${name}`,
  name,
  image: 'app:1',
  imageId: 'sha256:app',
  command: 'run',
  created: 100,
  state: 'running',
  status: 'Up',
  labels: {},
  ports: [],
  mounts: [],
  networks: [],
  ...extra,
});
