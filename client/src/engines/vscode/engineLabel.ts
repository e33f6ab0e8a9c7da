/**
 * The explorer views' description naming the engine they show, so a remote engine is visible at a
 * glance. Nothing for the plain local default (the usual case needs no label).
 */
import * as vscode from 'vscode';
import { describeEndpoint } from '../../engine/resolution/connection';
import type { EngineStatus } from './engineSession';

/** e.g. `build — remote (ssh://ci@build:22)`, `podman`, or undefined for the local default engine. */
export function engineViewDescription(status: EngineStatus): string | undefined {
  const target = status.resolved ? describeEndpoint(status.resolved.endpoint) : undefined;
  if (status.remote) {
    return status.selectedName
      ? vscode.l10n.t('{0} — remote ({1})', status.selectedName, target ?? '')
      : vscode.l10n.t('remote ({0})', target ?? '');
  }
  return status.selectedName;
}
