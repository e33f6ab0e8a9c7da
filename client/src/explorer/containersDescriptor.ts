/** Pure: the Containers view — state icon, name, image, status, ports; grouped by Compose project. */
import type { ContainerSummary, PublishedPort } from '../engine/types';
import type { ResourceDescriptor, TreeItemModel, ViewOptions } from './treeModel';
import { appendTo, compareLabels, formatDate, shortId, sortModels } from './format';
import { anchorStatus, renderStatus } from './relativeTime';

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

/** A port a browser can open: TCP and published on the host. */
export function isPublishedTcp(port: PublishedPort): boolean {
  return port.publicPort !== undefined && port.protocol === 'tcp';
}

/**
 * `container.<state>`, plus `.published` when a TCP port is published on the host, so the menus in
 * package.json offer "Open Published Port" only where there is one. The tree and the command
 * pickers both use this.
 */
export function containerContextValue(container: Pick<ContainerSummary, 'state' | 'ports'>): string {
  return container.ports.some(isPublishedTcp) ? `container.${container.state}.published` : `container.${container.state}`;
}

/** `0.0.0.0:8080->80/tcp` style, published ports only, IPv4/IPv6 duplicates merged. */
export function formatPorts(ports: readonly PublishedPort[]): string {
  if (ports.length === 0) {
    return ''; // most containers of a big list publish nothing
  }
  const published = ports.filter((port) => port.publicPort !== undefined).map((port) => `${port.publicPort}->${port.privatePort}/${port.protocol}`);
  return [...new Set(published)].join(', ');
}

/** The tooltip's lines: id, command, created, mounts, networks and the rest. */
function containerTooltip(container: ContainerSummary, status: string, ports: string, { t }: ViewOptions): string {
  const service = container.labels[composeServiceLabel];
  return [
    container.name,
    service ? t('Compose service: {0}', service) : undefined,
    t('ID: {0}', shortId(container.id)),
    t('Image: {0}', container.image),
    t('Command: {0}', container.command || '-'),
    t('Created: {0}', formatDate(container.created)),
    t('Status: {0}', status || container.state),
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

/**
 * The engine's status text as it reads now: "Up 2 minutes" read 7 minutes ago says "Up 9 minutes".
 * The text alone when it names no time or when it is not known when it was read.
 */
export function currentStatus(container: ContainerSummary, options: ViewOptions): string {
  const observedAt = options.statusObservedAt?.(container.id);
  const anchor = observedAt === undefined ? undefined : anchorStatus(container.status, observedAt);
  if (!anchor) {
    return container.status;
  }
  options.onRelativeTime?.(options.now - anchor.sinceMs);
  return renderStatus(anchor, options.now);
}

/** One container → its tree item (contextValue `container.<state>[.published]`, id = container id). */
export function containerToModel(container: ContainerSummary, options: ViewOptions): TreeItemModel {
  const ports = formatPorts(container.ports);
  const state = stateIcons[container.state] ?? { icon: 'vm' };
  const status = currentStatus(container, options);
  return {
    id: container.id,
    label: container.name,
    description: joinPresent(container.image, status, ports),
    // Built on first read (the view asks only when the user hovers): most of a big list is never hovered.
    get tooltip(): string {
      return containerTooltip(container, status, ports, options);
    },
    contextValue: containerContextValue(container),
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
