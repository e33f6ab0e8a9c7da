/**
 * Exec commands: an interactive shell (probed: bash → ash → sh, remembered per image) and
 * "exec a command…" with an optional user and working directory. Argument arrays only.
 */
import * as vscode from 'vscode';
import { commandIds } from '../../constants';
import type { Engine } from '../../engine/engine';
import { probeShell, shellCandidates } from '../../engine/streams/shellProbe';
import { ExecTerminal } from '../../terminal/execTerminal';
import { registerGuarded, required } from '../boundary';
import type { CommandDeps } from '../deps';
import { resolveTargets } from '../targets';
import { splitCommandLine } from './commandLine';

const shellMemoryKey = (imageId: string): string => `berthwise.exec.shell.${imageId}`;

/** The remembered shell of the container's image, or a freshly probed one (then remembered). */
async function shellFor(deps: CommandDeps, engine: Engine, containerId: string): Promise<string | undefined> {
  const imageId = await engine.containerImageId(containerId);
  const remembered = deps.context.globalState.get<string>(shellMemoryKey(imageId));
  if (remembered) {
    return remembered;
  }
  const shell = await probeShell(async (cmd) => (await engine.runExec(containerId, cmd)).exitCode);
  if (shell) {
    await deps.context.globalState.update(shellMemoryKey(imageId), shell);
  }
  return shell;
}

/** Registers the shell and exec-command commands. */
export function registerExecCommands(deps: CommandDeps): vscode.Disposable[] {
  const running = /^container\.running(\.|$)/;
  return [
    registerGuarded(deps, commandIds.containerShell, async (item, selected) => {
      const engine = deps.engine();
      const [target] = await resolveTargets(engine, 'container', item, selected, { canPickMany: false, placeHolder: vscode.l10n.t('Open a shell in…'), state: running });
      if (!target) {
        return undefined;
      }
      const shell = await shellFor(deps, engine, target.id);
      if (!shell) {
        void vscode.window.showWarningMessage(
          vscode.l10n.t('{0} has no shell ({1}). Use "Exec a Command…" to run a program the image contains.', target.label, shellCandidates.join(', ')),
        );
        return undefined;
      }
      const terminal = vscode.window.createTerminal({
        name: `${target.label} (${shell})`,
        iconPath: new vscode.ThemeIcon('terminal'),
        pty: new ExecTerminal(engine, { containerId: target.id, cmd: [shell] }, deps.log),
      });
      terminal.show();
      return shell;
    }),
    registerGuarded(deps, commandIds.containerExecCommand, async (item, selected) => {
      const engine = deps.engine();
      const [target] = await resolveTargets(engine, 'container', item, selected, { canPickMany: false, placeHolder: vscode.l10n.t('Run a command in…'), state: running });
      if (!target) {
        return undefined;
      }
      const line = required(
        await vscode.window.showInputBox({
          prompt: vscode.l10n.t('Command to run in {0} (no shell: quotes group words, nothing else is interpreted)', target.label),
          placeHolder: 'ls -la /',
          validateInput: (value) => (splitCommandLine(value)?.length ? undefined : vscode.l10n.t('Enter a command; close any open quote.')),
        }),
      );
      const cmd = required(splitCommandLine(line));
      const user = required(await vscode.window.showInputBox({ prompt: vscode.l10n.t('Run as user (empty: the image default)'), placeHolder: 'root, 1000:1000' }));
      const workingDir = required(await vscode.window.showInputBox({ prompt: vscode.l10n.t('Working directory (empty: the image default)'), placeHolder: '/' }));
      const terminal = vscode.window.createTerminal({
        name: `${target.label}: ${cmd.join(' ').slice(0, 40)}`,
        iconPath: new vscode.ThemeIcon('run'),
        pty: new ExecTerminal(engine, { containerId: target.id, cmd, ...(user ? { user } : {}), ...(workingDir ? { workingDir } : {}) }, deps.log, 'keepOpen'),
      });
      terminal.show();
      return cmd;
    }),
  ];
}
