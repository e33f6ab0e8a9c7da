/**
 * "Build Image…": builds a Dockerfile over the Engine API with BuildKit, shows the progress in a
 * terminal, puts a failed step's error on its Dockerfile line, and after a success selects the image
 * in the Images view and checks that it runs what the language server predicted.
 */
import { basename, dirname } from 'node:path';
import * as vscode from 'vscode';
import type { BuildOutlineResult } from '../../../server/src/protocol';
import { registerGuarded, UserCancelled } from '../commands/boundary';
import type { CommandDeps } from '../commands/deps';
import { commandIds, languageId } from '../constants';
import { BuildFailedError, type BuildResult } from '../engine/build/buildImage';
import { EngineError } from '../engine/errors';
import { askBuildChoices, rememberChoices, rememberedChoices, type BuildChoices } from './buildChoices';
import type { BuildDiagnostics } from './buildDiagnostics';
import { checkImageCommand } from './imageCommandCheck';
import { BuildRun } from './buildRun';

export interface BuildFeatureDeps extends CommandDeps {
  /** The language server's build outline of a Dockerfile (null when the server cannot answer). */
  readonly outline: (uri: vscode.Uri) => Promise<BuildOutlineResult | null>;
  readonly diagnostics: BuildDiagnostics;
}

/** For scripts and tests: choices given up front (no prompts), plus RUN's network. */
export interface BuildOverrides extends Partial<BuildChoices> {
  readonly networkMode?: string;
}

/** What the command returns (tests read it): the image, the builder used and the terminal's text. */
export interface BuildCommandResult {
  readonly ok: boolean;
  readonly imageId?: string;
  readonly tag: string;
  readonly builder?: BuildResult['builder'];
  readonly transcript: string;
  readonly error?: string;
  /** The Dockerfile line (zero-based) the error was put on. */
  readonly errorLine?: number;
  readonly commandMismatch?: boolean;
}

const isOverrides = (value: unknown): value is BuildOverrides => typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof vscode.Uri);

/** Registers Build Image; its arguments: the Dockerfile (menus pass it), a stage (the CodeLens), overrides. */
export function registerBuildCommand(deps: BuildFeatureDeps): vscode.Disposable {
  return registerGuarded(deps, commandIds.imageBuild, async (uriArg, stageArg, overridesArg) => {
    if (!vscode.workspace.isTrusted) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Building runs the Dockerfile\'s instructions: trust this workspace first (Manage Workspace Trust).'));
      return undefined;
    }
    const dockerfile = await dockerfileToBuild(uriArg);
    const document = await vscode.workspace.openTextDocument(dockerfile);
    if (document.isDirty) {
      await document.save();
    }
    const outline = await deps.outline(dockerfile);
    if (!outline) {
      throw new EngineError('other', vscode.l10n.t('The Dockerfile language server did not answer; restart it (Berthwise: Restart Language Server) and build again.'));
    }
    refuseSessionMounts(outline, dockerfile);
    const overrides = isOverrides(overridesArg) ? overridesArg : undefined;
    const stage = typeof stageArg === 'string' ? stageArg : undefined;
    const contextFolder = dirname(dockerfile.fsPath);
    const remembered = rememberedChoices(deps.context.workspaceState, dockerfile);
    const choices: BuildChoices = overrides
      ? { tag: overrides.tag ?? remembered?.tag ?? 'image:latest', buildArgs: overrides.buildArgs ?? {}, noCache: overrides.noCache ?? false, ...(overrides.target ?? stage ? { target: overrides.target ?? stage } : {}), ...(overrides.platform ? { platform: overrides.platform } : {}) }
      : await askBuildChoices(outline, remembered, basename(contextFolder), stage);
    await rememberChoices(deps.context.workspaceState, dockerfile, choices);

    deps.diagnostics.clear(dockerfile);
    const run = new BuildRun(deps.engine(), dockerfile, outline, choices);
    try {
      const result = await run.start({ directory: contextFolder, dockerfile: basename(dockerfile.fsPath) }, overrides?.networkMode);
      deps.refresh();
      const revealed = await deps.reveal('image', result.imageId).catch(() => false);
      const check = await checkImageCommand(deps.engine(), result.imageId, outline, choices.target);
      run.reportCommandCheck(check);
      if (check.kind === 'mismatch') {
        deps.log.warn(`Build of ${dockerfile.fsPath}: the image runs ${JSON.stringify(check.actual)}, the model predicted ${JSON.stringify(check.predicted)}`);
      }
      run.finish(vscode.l10n.t('Built {0} ({1}).', choices.tag, result.imageId.slice(0, 19)));
      if (!revealed) {
        deps.log.info(`The built image ${result.imageId} is not shown in the Images view (the view may be hidden).`);
      }
      return { ok: true, imageId: result.imageId, tag: choices.tag, builder: result.builder, transcript: run.transcript, commandMismatch: check.kind === 'mismatch' } satisfies BuildCommandResult;
    } catch (error) {
      if (error instanceof EngineError && error.kind === 'cancelled') {
        run.finish(vscode.l10n.t('Build cancelled.'));
        throw new UserCancelled();
      }
      if (!(error instanceof BuildFailedError)) {
        run.finish(error instanceof Error ? error.message : String(error));
        throw error;
      }
      const placed = run.placeError(error.message);
      if (placed) {
        deps.diagnostics.report(dockerfile, placed.startLine, placed.endLine, error.message);
      }
      run.finish(vscode.l10n.t('The build failed.'));
      const show = vscode.l10n.t('Show the Line');
      void vscode.window.showErrorMessage(vscode.l10n.t('Building {0} failed: {1}', basename(dockerfile.fsPath), error.message), ...(placed ? [show] : [])).then(async (choice) => {
        if (choice === show && placed) {
          await vscode.window.showTextDocument(dockerfile, { selection: new vscode.Range(placed.startLine, 0, placed.startLine, 0) });
        }
      });
      return { ok: false, tag: choices.tag, transcript: run.transcript, error: error.message, ...(placed ? { errorLine: placed.startLine } : {}) } satisfies BuildCommandResult;
    }
  });
}

/** The file to build: the one the menu passed, the active Dockerfile editor, or one the user picks. */
async function dockerfileToBuild(arg: unknown): Promise<vscode.Uri> {
  if (arg instanceof vscode.Uri) {
    return arg;
  }
  const active = vscode.window.activeTextEditor?.document;
  if (active && active.languageId === languageId && active.uri.scheme === 'file') {
    return active.uri;
  }
  const found = await vscode.workspace.findFiles('**/{Dockerfile,Containerfile,*.Dockerfile,*.dockerfile,Dockerfile.*,Containerfile.*}', '**/node_modules/**', 200);
  if (found.length === 0) {
    throw new EngineError('other', vscode.l10n.t('No Dockerfile in this workspace. Open one and run Build Image again.'));
  }
  const picked = await vscode.window.showQuickPick(
    found.map((uri) => ({ label: vscode.workspace.asRelativePath(uri), uri })),
    { placeHolder: vscode.l10n.t('Choose the Dockerfile to build') },
  );
  if (!picked) {
    throw new UserCancelled();
  }
  return picked.uri;
}

/** Secret and SSH mounts need a BuildKit session, which these builds do not open: say so up front. */
function refuseSessionMounts(outline: BuildOutlineResult, dockerfile: vscode.Uri): void {
  const first = outline.sessionMounts[0];
  if (first) {
    throw new EngineError(
      'other',
      vscode.l10n.t(
        '{0} line {1} uses RUN --mount=type={2}. Berthwise builds do not forward secrets or an SSH agent to BuildKit yet, so secret and SSH mounts are not supported; build this file with docker buildx.',
        basename(dockerfile.fsPath),
        first.line + 1,
        first.type,
      ),
    );
  }
}
