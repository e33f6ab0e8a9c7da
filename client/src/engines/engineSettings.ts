/**
 * Reads the engine settings and the machine's Docker configuration into the inputs of the pure
 * engine list. Only user (machine) values count: a workspace must never redirect Berthwise.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import * as vscode from 'vscode';
import { settingIds } from '../constants';
import type { TransportOptions } from '../engine/engine';
import { listEngineCandidates, parseConfiguredHosts, selectEngines, type EngineCandidate, type EngineListInputs } from '../engine/engines';
import { normaliseTimeoutMs } from '../engine/timeoutSetting';

const readText = (path: string): string | undefined => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
};

const listDir = (path: string): string[] => {
  try {
    return readdirSync(path);
  } catch {
    return [];
  }
};

/** A machine-scoped setting's user value (workspace values are ignored on purpose). */
function machineValue<T>(id: string): T | undefined {
  return vscode.workspace.getConfiguration().inspect<T>(id)?.globalValue;
}

/** Everything the engine list needs, from settings, environment and file system. */
export function readEngineListInputs(): EngineListInputs {
  return {
    hostSetting: machineValue<string>(settingIds.engineHost) ?? '',
    env: process.env,
    exists: existsSync,
    uid: process.getuid?.() ?? 0,
    readFile: readText,
    homeDir: homedir(),
    configuredHosts: parseConfiguredHosts(machineValue<unknown>(settingIds.engineHosts)),
    listDir,
  };
}

/** Every engine candidate on this machine. */
export function readEngineCandidates(): EngineCandidate[] {
  return listEngineCandidates(readEngineListInputs());
}

/** The names in `berthwise.engine.selected`. */
export function readSelectedNames(): string[] {
  const value = machineValue<unknown>(settingIds.engineSelected);
  return Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === 'string') : [];
}

/** The selected engines (or the default one), first = the one the views show. */
export function readSelectedEngines(): { engines: EngineCandidate[]; unknown: string[] } {
  return selectEngines(readEngineCandidates(), readSelectedNames());
}

/** Transport settings for createEngine. */
export function readTransportOptions(): TransportOptions {
  const knownHostsPath = machineValue<string>(settingIds.engineSshKnownHostsFile) ?? '';
  return knownHostsPath.trim() !== '' ? { knownHostsPath } : {};
}

/** Timeout of one engine call. */
export function readTimeoutMs(): number {
  return normaliseTimeoutMs(machineValue<unknown>(settingIds.engineTimeoutMs));
}

/** Puts `name` first in `berthwise.engine.selected`, keeping the others watched: the views follow it. */
export async function makeActiveEngine(name: string): Promise<void> {
  const rest = readSelectedNames().filter((entry) => entry !== name);
  await vscode.workspace.getConfiguration().update(settingIds.engineSelected, [name, ...rest], vscode.ConfigurationTarget.Global);
}
