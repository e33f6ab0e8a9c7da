/** The prompts several commands share: a modal confirmation and the name of a new object. */
import * as vscode from 'vscode';
import { required } from './boundary';
import { objectNameProblem } from './names';

/**
 * Asks with a modal warning whose only action is `action`; returns when the user chose it and
 * ends the command silently (UserCancelled) when they dismissed the dialog.
 */
export async function confirmModal(message: string, action: string, detail?: string): Promise<void> {
  const answer = await vscode.window.showWarningMessage(message, detail === undefined ? { modal: true } : { modal: true, detail }, action);
  required(answer === action ? answer : undefined);
}

/**
 * The name for a new volume or network: the command's own string argument (scripts and tests
 * pass one) or what the user types, validated as the engine would.
 */
export async function newObjectName(arg: unknown, prompt: string): Promise<string> {
  if (typeof arg === 'string') {
    return arg;
  }
  return required(
    await vscode.window.showInputBox({
      prompt,
      validateInput: (value) => (objectNameProblem(value) ? vscode.l10n.t('Use letters, digits, and . _ - (not first).') : undefined),
    }),
  );
}
