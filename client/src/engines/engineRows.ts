/**
 * Pure: what the Engines view shows for each watched engine — its state and version at a glance,
 * whether it is remote, and which one the other views show. Strings go through `t` (vscode.l10n.t
 * in the extension, identity in unit tests), so this module never imports the VS Code API.
 */
import type { EngineHealth } from './engineMonitor';

export type Translate = (message: string, ...args: string[]) => string;

/** Codicon and theme colour per state: green machine, red outline, spinning while connecting. */
export type EngineRowIcon = { readonly id: 'vm-active'; readonly color: 'testing.iconPassed' } | { readonly id: 'vm-outline'; readonly color: 'errorForeground' } | { readonly id: 'loading~spin' };

export interface EngineRow {
  readonly name: string;
  readonly label: string;
  readonly description: string;
  readonly tooltip: string;
  readonly icon: EngineRowIcon;
  /** The engine the Containers/Images/Volumes/Networks views show. */
  readonly shown: boolean;
  /** `engine.shown` or `engine.other`, plus `.remote` for tcp/ssh engines (for menus). */
  readonly contextValue: string;
}

/** One row per engine, in the order of `berthwise.engine.selected`; the first is the one shown. */
export function engineRows(health: readonly EngineHealth[], t: Translate): EngineRow[] {
  return health.map((entry, index) => engineRow(entry, index === 0, t));
}

export function engineRow(health: EngineHealth, shown: boolean, t: Translate): EngineRow {
  const state = stateText(health, t);
  const description = [state, health.remote ? t('remote {0}', health.target) : health.target, shown ? t('shown in the views') : undefined].filter(Boolean).join(' · ');
  const tooltip = [
    `${health.name} — ${health.target}`,
    health.remote ? t('Remote engine, reached over the network.') : t('Local engine socket.'),
    health.version ? t('Docker {0} (API {1}, {2}/{3})', health.version.version, health.version.apiVersion, health.version.os, health.version.arch) : undefined,
    health.state === 'unreachable' ? t('Unreachable: {0}', health.error ?? t('the connection was lost')) : undefined,
    shown ? t('The Containers, Images, Volumes and Networks views show this engine.') : t('Click to show this engine in the views.'),
  ];
  return {
    name: health.name,
    label: health.name,
    description,
    tooltip: tooltip.filter((line): line is string => line !== undefined).join('\n'),
    icon: health.state === 'reachable' ? { id: 'vm-active', color: 'testing.iconPassed' } : health.state === 'unreachable' ? { id: 'vm-outline', color: 'errorForeground' } : { id: 'loading~spin' },
    shown,
    contextValue: `engine.${shown ? 'shown' : 'other'}${health.remote ? '.remote' : ''}`,
  };
}

function stateText(health: EngineHealth, t: Translate): string {
  switch (health.state) {
    case 'reachable':
      return health.version ? t('Docker {0}', health.version.version) : t('reachable');
    case 'unreachable':
      return t('unreachable');
    case 'connecting':
      return t('connecting…');
  }
}
