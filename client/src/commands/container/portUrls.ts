/** Pure: the browser addresses of a container's published ports (no `vscode`). */
import type { PublishedPort } from '../../engine/types';
import { isPublishedTcp } from '../../explorer/containersDescriptor';

export interface PortUrl {
  readonly url: string;
  readonly label: string;
}

/**
 * One http URL per published TCP port. A port bound to every interface is reached on the engine's
 * host: `localhost` for a local socket, the host name for `tcp://` or `ssh://` engines.
 */
export function portUrls(ports: readonly PublishedPort[], engineTarget: string): PortUrl[] {
  const remoteHost = /^(?:tcp|ssh|https?):\/\/(?:[^@/]*@)?(\[[^\]]+\]|[^:/]+)/.exec(engineTarget)?.[1];
  const seen = new Set<string>();
  const urls: PortUrl[] = [];
  for (const port of ports) {
    if (!isPublishedTcp(port) || port.publicPort === undefined) {
      continue;
    }
    const wildcard = port.hostIp === undefined || port.hostIp === '' || port.hostIp === '0.0.0.0' || port.hostIp === '::';
    const rawHost = wildcard ? (remoteHost ?? 'localhost') : port.hostIp;
    const host = rawHost.includes(':') && !rawHost.startsWith('[') ? `[${rawHost}]` : rawHost;
    const url = `http://${host}:${port.publicPort}`;
    if (!seen.has(url)) {
      seen.add(url);
      urls.push({ url, label: `${port.privatePort}/tcp → ${host}:${port.publicPort}` });
    }
  }
  return urls;
}
