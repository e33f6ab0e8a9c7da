/** Pure: the Networks view — driver, scope, built-in networks marked, connected containers. */
import type { ContainerSummary, NetworkSummary } from '../engine/types';
import type { ResourceDescriptor, TreeItemModel, ViewOptions } from './treeModel';
import { containerToModel } from './containersDescriptor';
import { appendTo, formatDate, shortId, sortModels } from './format';

/** The networks every engine creates itself; they cannot be removed. */
export const builtInNetworks: ReadonlySet<string> = new Set(['bridge', 'host', 'none']);

/** One network → its tree item (contextValue `network.builtin|custom`, id = the network id), members as children. */
export function networkToModel(network: NetworkSummary, members: readonly ContainerSummary[], options: ViewOptions): TreeItemModel {
  const { t } = options;
  const builtIn = builtInNetworks.has(network.name);
  return {
    id: network.id,
    label: network.name,
    description: [network.driver, network.scope, builtIn ? t('built-in') : undefined, network.internal ? t('internal') : undefined, members.length === 1 ? t('1 container') : t('{0} containers', members.length)]
      .filter(Boolean)
      .join(' · '),
    tooltip: [
      network.name,
      t('ID: {0}', shortId(network.id)),
      t('Driver: {0}', network.driver),
      t('Scope: {0}', network.scope),
      builtIn ? t('Built-in network (cannot be removed)') : undefined,
      network.created > 0 ? t('Created: {0}', formatDate(network.created)) : undefined,
      members.length > 0 ? t('Containers: {0}', members.map((c) => c.name).join(', ')) : t('No container is connected'),
    ]
      .filter((line): line is string => line !== undefined)
      .join('\n'),
    contextValue: builtIn ? 'network.builtin' : 'network.custom',
    icon: builtIn ? 'lock' : 'type-hierarchy',
    ...(members.length > 0 ? { children: members.map((c) => ({ ...containerToModel(c, options), treeId: `network:${network.id}:${c.id}` })), expanded: false } : {}),
  };
}

export const networkDescriptor: ResourceDescriptor<'network'> = {
  kind: 'network',
  list: (engine, signal) => engine.listNetworks({ signal }),
  find: (engine, id, signal) => engine.findNetwork(id, { signal }),
  keysOf: (id) => [id],
  failureTitle: (t) => t('Could not list the networks'),
  // A container connected to a network shows under it, as the containers view shows it.
  containerFacts: (container) => (container.networks.length > 0 ? JSON.stringify(container) : undefined),
  buildTree: (snapshot, options) => {
    const members = new Map<string, ContainerSummary[]>();
    for (const container of snapshot.all('container')) {
      for (const network of container.networks) {
        appendTo(members, network.networkId, container);
      }
    }
    const networks = sortModels(snapshot.all('network'), options.sortBy, {
      label: (n) => n.name,
      created: (n) => n.created,
      rank: (n) => (builtInNetworks.has(n.name) ? 1 : 0),
    });
    return networks.map((network) => networkToModel(network, members.get(network.id) ?? [], options));
  },
};
