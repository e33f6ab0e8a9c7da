/**
 * The one error boundary every command goes through: cancellation is silent, engine errors show
 * their actionable message with actions, anything else is logged with its stack.
 */
import * as vscode from 'vscode';
import { commandIds } from '../constants';
import { EngineError } from '../engine/errors';
import type { CommandDeps } from './deps';

/** Thrown by a command when the user dismisses a prompt: ends the command without a message. */
export class UserCancelled extends Error {
  constructor() {
    super('cancelled by the user');
    this.name = 'UserCancelled';
  }
}

/** Unwraps an optional prompt answer, ending the command silently when the user dismissed it. */
export function required<T>(value: T | undefined): T {
  if (value === undefined) {
    throw new UserCancelled();
  }
  return value;
}

type Handler = (...args: unknown[]) => Promise<unknown>;

/** Registers a command whose failures all go through the boundary. */
export function registerGuarded(deps: CommandDeps, id: string, handler: Handler): vscode.Disposable {
  const guarded = async (...args: unknown[]): Promise<unknown> => {
    try {
      return await handler(...args);
    } catch (error) {
      await reportFailure(deps, id, error, () => guarded(...args));
      return undefined;
    }
  };
  return vscode.commands.registerCommand(id, guarded);
}

async function reportFailure(deps: CommandDeps, id: string, error: unknown, retry: () => Promise<unknown>): Promise<void> {
  if (error instanceof UserCancelled || error instanceof vscode.CancellationError || (error instanceof EngineError && error.kind === 'cancelled')) {
    return;
  }
  if (error instanceof EngineError) {
    deps.log.warn(`${id}: ${error.message}`);
    const retryAction = vscode.l10n.t('Retry');
    const settingsAction = vscode.l10n.t('Open Settings');
    const logAction = vscode.l10n.t('Show Log');
    const actions = error.kind === 'unreachable' || error.kind === 'permissionDenied' || error.kind === 'timeout' ? [retryAction, settingsAction, logAction] : [logAction];
    const choice = await vscode.window.showErrorMessage(error.message, ...actions);
    if (choice === retryAction) {
      await retry();
    } else if (choice === settingsAction) {
      await vscode.commands.executeCommand(commandIds.openEngineSettings);
    } else if (choice === logAction) {
      deps.log.show();
    }
    return;
  }
  deps.log.error(`${id} failed unexpectedly: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  const logAction = vscode.l10n.t('Show Log');
  const choice = await vscode.window.showErrorMessage(vscode.l10n.t('The command failed unexpectedly: {0}', error instanceof Error ? error.message : String(error)), logAction);
  if (choice === logAction) {
    deps.log.show();
  }
}
