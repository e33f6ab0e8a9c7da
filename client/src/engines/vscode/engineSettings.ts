/**
 * Turns the engine settings (read through the settings module) and the machine's Docker
 * configuration (environment, contexts, sockets) into the inputs of the pure engine list and the
 * connection settings of the registry.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { listEngineCandidates, selectEngines, type EngineCandidate, type EngineListInputs } from '../../engine/resolution/engines';
import { readEngineSettings, type EngineSettings } from '../../settings';
import type { ConnectionSettings } from '../engineRegistry';

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

/** Everything the engine list (and resolveEngine) needs, from settings, environment and file system. */
export function readEngineListInputs(settings: EngineSettings = readEngineSettings()): EngineListInputs {
  return {
    hostSetting: settings.host,
    env: process.env,
    exists: existsSync,
    uid: process.getuid?.() ?? 0,
    readFile: readText,
    homeDir: homedir(),
    configuredHosts: settings.hosts,
    listDir,
  };
}

/** Every engine candidate on this machine. */
export function readEngineCandidates(settings: EngineSettings = readEngineSettings()): EngineCandidate[] {
  return listEngineCandidates(readEngineListInputs(settings));
}

/** The selected engines (or the default one), first = the one the views show. */
export function readSelectedEngines(settings: EngineSettings = readEngineSettings()): { engines: EngineCandidate[]; unknown: string[] } {
  return selectEngines(readEngineCandidates(settings), settings.selected);
}

/** How the registry connects engines: the call deadline and the transport settings. */
export function connectionSettings(settings: EngineSettings = readEngineSettings()): ConnectionSettings {
  return { timeoutMs: settings.timeoutMs, transport: settings.sshKnownHostsFile !== '' ? { knownHostsPath: settings.sshKnownHostsFile } : {} };
}
