/** Pure: the Containers view — state icon, name, image, status, ports; grouped by Compose project. */
import type { ContainerSummary, PublishedPort } from '../engine/types';
import type { ResourceDescriptor, TreeItemModel, ViewOptions } from './treeModel';
import { appendTo, compareLabels, formatDate, shortId, sortModels } from './format';

export const composeProjectLabel = 'com.docker.compose.project';
const composeServiceLabel = 'com.docker.compose.service';

const stateIcons: Readonly<Record<string, { icon: string; color?: string }>> = {
  running: { icon: 'vm-running', color: 'charts.green' },
  paused: { icon: 'debug-pause', color: 'charts.yellow' },
  restarting: { icon: 'sync', color: 'charts.yellow' },
  created: { icon: 'vm-outline' },
  exited: { icon: 'vm-outline' },
  removing: { icon: 'trash' },
  dead: { icon: 'error', color: 'charts.red' },
};

/** Running first, then the states that may come back, then the finished ones. */
const stateRank: Readonly<Record<string, number>> = { running: 0, restarting: 1, paused: 2, created: 3, exited: 4, dead: 5, removing: 6 };

/** `0.0.0.0:8080->80/tcp` style, published ports only, IPv4/IPv6 duplicates merged. */
export function formatPorts(ports: readonly PublishedPort[]): string {
  if (ports.length === 0) {
    return ''; // most containers of a big list publish nothing
  }
  const published = ports.filter((port) => port.publicPort !== undefined).map((port) => `${port.publicPort}->${port.privatePort}/${port.protocol}`);
  return [...new Set(published)].join(', ');
}

/** The tooltip's lines: id, command, created, mounts, networks and the rest. */
function containerTooltip(container: ContainerSummary, ports: string, { t }: ViewOptions): string {
  const service = container.labels[composeServiceLabel];
  return [
    container.name,
    service ? t('Compose service: {0}', service) : undefined,
    t('ID: {0}', shortId(container.id)),
    t('Image: {0}', container.image),
    t('Command: {0}', container.command || '-'),
    t('Created: {0}', formatDate(container.created)),
    t('Status: {0}', container.status || container.state),
    ports ? t('Ports: {0}', ports) : undefined,
    container.mounts.length > 0 ? t('Mounts: {0}', container.mounts.map((m) => `${m.name ?? m.source} → ${m.destination}`).join(', ')) : t('Mounts: none'),
    container.networks.length > 0 ? t('Networks: {0}', container.networks.map((n) => n.name).join(', ')) : t('Networks: none'),
  ]
    .filter((line): line is string => line !== undefined)
    .join('\n');
}

/** The non-empty parts joined by ` · ` (no intermediate arrays: called once per container). */
function joinPresent(...parts: string[]): string {
  let joined = '';
  for (const part of parts) {
    if (part) {
      joined = joined ? `${joined} · ${part}` : part;
    }
  }
  return joined;
}

/** One container → its tree item (contextValue `container.<state>`, id = container id). */
export function containerToModel(container: ContainerSummary, options: ViewOptions): TreeItemModel {
  const ports = formatPorts(container.ports);
  const state = stateIcons[container.state] ?? { icon: 'vm' };
  return {
    id: container.id,
    label: container.name,
    description: joinPresent(container.image, container.status, ports),
    // Built on first read (the view asks only when the user hovers): most of a big list is never hovered.
    get tooltip(): string {
      return containerTooltip(container, ports, options);
    },
    contextValue: `container.${container.state}`,
    icon: state.icon,
    ...(state.color ? { iconColor: state.color } : {}),
  };
}

function sorted(containers: readonly ContainerSummary[], options: ViewOptions): ContainerSummary[] {
  return sortModels(containers, options.sortBy, { label: (c) => c.name, created: (c) => c.created, rank: (c) => stateRank[c.state] ?? 9 });
}

export const containerDescriptor: ResourceDescriptor<'container'> = {
  kind: 'container',
  list: (engine, signal) => engine.listContainers({ signal }),
  find: (engine, id, signal) => engine.findContainer(id, { signal }),
  keysOf: (id) => [id],
  failureTitle: (t) => t('Could not list the containers'),
  buildTree: (snapshot, options) => {
    const containers = snapshot.all('container');
    if (!options.groupContainersByComposeProject) {
      return sorted(containers, options).map((c) => containerToModel(c, options));
    }
    const projects = new Map<string, ContainerSummary[]>();
    const loose: ContainerSummary[] = [];
    for (const container of containers) {
      const project = container.labels[composeProjectLabel];
      if (project) {
        appendTo(projects, project, container);
      } else {
        loose.push(container);
      }
    }
    const groups = [...projects.entries()]
      .sort(([a], [b]) => compareLabels(a, b))
      .map(([project, members]): TreeItemModel => {
        const running = members.filter((c) => c.state === 'running').length;
        return {
          id: `compose:${project}`,
          label: project,
          description: options.t('{0} of {1} running', running, members.length),
          tooltip: options.t('Compose project {0}', project),
          contextValue: 'composeProject',
          icon: 'layers',
          ...(running > 0 ? { iconColor: 'charts.green' } : {}),
          children: sorted(members, options).map((c) => containerToModel(c, options)),
          expanded: true,
        };
      });
    return [...groups, ...sorted(loose, options).map((c) => containerToModel(c, options))];
  },
};
