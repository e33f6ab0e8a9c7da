/**
 * The one place that reads `berthwise.*` settings, typed, and the one listener that tells the owners
 * what changed. Engine settings are machine-scoped: only the user (machine) value counts, so a
 * workspace can never redirect Berthwise to another engine even if it sneaks the key into its
 * settings. `berthwise.diagnostics` is resource-scoped: the language server pulls it per document
 * (workspace/configuration with a scope), so it is never read here without a resource.
 */
import * as vscode from 'vscode';
import { settingIds } from './constants';
import { parseConfiguredHosts, type ConfiguredHost } from './engine/resolution/engines';
import { normaliseTimeoutMs } from './engine/transport/timeoutSetting';
import type { SortOrder } from './explorer/treeModel';

export type SettingKey = keyof typeof settingIds;

/** What the engine owners need; every value from the user (machine) scope. */
export interface EngineSettings {
  /** `berthwise.engine.host`, '' when unset. */
  readonly host: string;
  readonly timeoutMs: number;
  readonly hosts: readonly ConfiguredHost[];
  /** `berthwise.engine.selected`, strings only. */
  readonly selected: readonly string[];
  /** known_hosts for ssh:// engines, '' for the default. */
  readonly sshKnownHostsFile: string;
}

export interface ExplorerSettings {
  readonly groupContainersByComposeProject: boolean;
  readonly sortBy: SortOrder;
}

export interface LogSettingsText {
  readonly tail: number;
  /** As written: a duration (`10m`) or a date; parsed by the logs command. */
  readonly since: string;
  readonly timestamps: boolean;
}

const sortOrders: readonly SortOrder[] = ['name', 'created', 'state'];

const configuration = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration();

/** A machine-scoped setting's user value (workspace values are ignored on purpose). */
function machineValue<T>(id: string): T | undefined {
  return configuration().inspect<T>(id)?.globalValue;
}

/** The engine settings. */
export function readEngineSettings(): EngineSettings {
  const selected = machineValue<unknown>(settingIds.engineSelected);
  return {
    host: machineValue<string>(settingIds.engineHost) ?? '',
    timeoutMs: normaliseTimeoutMs(machineValue<unknown>(settingIds.engineTimeoutMs)),
    hosts: parseConfiguredHosts(machineValue<unknown>(settingIds.engineHosts)),
    selected: Array.isArray(selected) ? selected.filter((entry): entry is string => typeof entry === 'string') : [],
    sshKnownHostsFile: (machineValue<string>(settingIds.engineSshKnownHostsFile) ?? '').trim(),
  };
}

/** Writes `berthwise.engine.selected` (user scope, like every engine setting). */
export async function writeSelectedEngines(names: readonly string[]): Promise<void> {
  await configuration().update(settingIds.engineSelected, [...names], vscode.ConfigurationTarget.Global);
}

/** How the explorer groups and sorts. */
export function readExplorerSettings(): ExplorerSettings {
  const config = configuration();
  const sortBy = config.get<string>(settingIds.explorerSortBy, 'name');
  return {
    groupContainersByComposeProject: config.get<boolean>(settingIds.explorerGroupByCompose, true),
    sortBy: sortOrders.includes(sortBy as SortOrder) ? (sortBy as SortOrder) : 'name',
  };
}

/** Writes one explorer setting (user scope: the view commands change the user's preference). */
export async function writeExplorerSetting<K extends keyof ExplorerSettings>(key: K, value: ExplorerSettings[K]): Promise<void> {
  const id = key === 'sortBy' ? settingIds.explorerSortBy : settingIds.explorerGroupByCompose;
  await configuration().update(id, value, vscode.ConfigurationTarget.Global);
}

/** The label that protects objects from prune. */
export function readPruneProtectionLabel(): string {
  return configuration().get<string>(settingIds.pruneProtectionLabel, 'berthwise.protect=true');
}

/** The logs settings as written (the logs command parses and validates them). */
export function readLogSettings(): LogSettingsText {
  const config = configuration();
  return {
    tail: config.get<number>(settingIds.logsTail, 500),
    since: config.get<string>(settingIds.logsSince, ''),
    timestamps: config.get<boolean>(settingIds.logsTimestamps, false),
  };
}

/** `berthwise.buildContexts` as one workspace folder sees it (validated by resolveBuildContexts). */
export function readBuildContexts(folder: vscode.Uri): unknown {
  return vscode.workspace.getConfiguration(undefined, folder).get(settingIds.buildContexts);
}

/** Which settings one configuration change touched. */
export interface SettingsChange {
  readonly changed: ReadonlySet<SettingKey>;
  /** True when any setting of the area (`engine`, `explorer`, `diagnostics`…) changed. */
  affects(area: 'engine' | 'explorer' | 'logs' | 'prune' | 'language' | 'diagnostics' | 'buildContexts'): boolean;
}

/** Maps a VS Code configuration event to the settings it touched; every key of `settingIds` is checked. */
export function toSettingsChange(affects: (section: string) => boolean): SettingsChange {
  const changed = new Set((Object.keys(settingIds) as SettingKey[]).filter((key) => affects(settingIds[key])));
  return {
    changed,
    affects: (area) => [...changed].some((key) => settingIds[key] === `berthwise.${area}` || settingIds[key].startsWith(`berthwise.${area}.`)),
  };
}

/**
 * The one configuration listener: each owner subscribes here and hears which Berthwise settings
 * changed. Built once in activate().
 */
export class SettingsWatcher implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<SettingsChange>();
  private readonly listener = vscode.workspace.onDidChangeConfiguration((event) => {
    const change = toSettingsChange((section) => event.affectsConfiguration(section));
    if (change.changed.size > 0) {
      this.emitter.fire(change);
    }
  });
  readonly onDidChange = this.emitter.event;

  dispose(): void {
    this.listener.dispose();
    this.emitter.dispose();
  }
}
