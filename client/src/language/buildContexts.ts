/**
 * Pure: turns the `berthwise.buildContexts` setting of each workspace folder (Dockerfile path → context
 * folder, relative to that folder or absolute) into the absolute paths the server's
 * `berthwise/buildContexts` notification carries. Kept apart from the VS Code wiring so it is unit-tested.
 */
import * as path from 'node:path';
import type { BuildContextsParams } from '../../../server/src/protocol';

export interface FolderSetting {
  /** The workspace folder's file system path. */
  readonly folder: string;
  /** The setting's value there (untrusted: anything but string pairs is dropped). */
  readonly value: unknown;
}

export function resolveBuildContexts(settings: readonly FolderSetting[]): BuildContextsParams {
  const contexts: Record<string, string> = {};
  for (const { folder, value } of settings) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      continue;
    }
    for (const [dockerfile, context] of Object.entries(value as Record<string, unknown>)) {
      if (typeof context === 'string' && dockerfile.trim() !== '' && context.trim() !== '') {
        contexts[path.resolve(folder, dockerfile)] = path.resolve(folder, context);
      }
    }
  }
  return { contexts };
}
