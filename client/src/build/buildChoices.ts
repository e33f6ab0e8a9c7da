/**
 * What the user chooses for one build (tag, target stage, build args, platform, no-cache), asked
 * step by step and remembered per Dockerfile in the workspace state, so the next build of the same
 * file offers the same answers.
 */
import * as vscode from 'vscode';
import type { BuildOutlineArg, BuildOutlineResult } from '../../../server/src/protocol';
import { required } from '../commands/boundary';
import { parseImageReference } from '../commands/names';

export interface BuildChoices {
  readonly tag: string;
  /** A stage name or index as the engine's `target` takes it; absent: the last stage. */
  readonly target?: string;
  readonly buildArgs: Readonly<Record<string, string>>;
  readonly platform?: string;
  readonly noCache: boolean;
}

const memoryKey = (dockerfile: vscode.Uri): string => `berthwise.build.choices:${dockerfile.toString()}`;

/** The last choices for this Dockerfile, if any. */
export function rememberedChoices(state: vscode.Memento, dockerfile: vscode.Uri): BuildChoices | undefined {
  return state.get<BuildChoices>(memoryKey(dockerfile));
}

export function rememberChoices(state: vscode.Memento, dockerfile: vscode.Uri, choices: BuildChoices): Thenable<void> {
  return state.update(memoryKey(dockerfile), choices);
}

/** `<folder>:latest`, lower-cased and cleaned to what a repository name allows. */
export function defaultTag(contextFolderName: string): string {
  const repository = contextFolderName.toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '');
  return `${repository || 'image'}:latest`;
}

/** The ARGs a build of `target` can set: the global ones and those of the target's stages, each name once. */
export function offeredArgs(outline: BuildOutlineResult): BuildOutlineArg[] {
  const seen = new Set<string>();
  return outline.args.filter((arg) => (seen.has(arg.name) ? false : (seen.add(arg.name), true)));
}

const commonPlatforms = ['linux/amd64', 'linux/arm64', 'linux/arm/v7'];

/** Asks for every choice; `stageHint` (from a "Build stage" CodeLens) preselects the target. */
export async function askBuildChoices(outline: BuildOutlineResult, remembered: BuildChoices | undefined, contextFolderName: string, stageHint: string | undefined): Promise<BuildChoices> {
  const tag = required(
    await vscode.window.showInputBox({
      title: vscode.l10n.t('Build Image (1/4): tag'),
      prompt: vscode.l10n.t('Tag for the new image (repository[:tag])'),
      value: remembered?.tag ?? defaultTag(contextFolderName),
      validateInput: (value) => (parseImageReference(value) ? undefined : vscode.l10n.t('Not a valid image reference.')),
    }),
  ).trim();
  const target = stageHint ?? (await askTarget(outline, remembered?.target));
  const buildArgs = await askBuildArgs(offeredArgs(outline), remembered?.buildArgs ?? {});
  const { platform, noCache } = await askOptions(remembered);
  return { tag, ...(target !== undefined ? { target } : {}), buildArgs, ...(platform !== undefined ? { platform } : {}), noCache };
}

async function askTarget(outline: BuildOutlineResult, remembered: string | undefined): Promise<string | undefined> {
  if (outline.stages.length <= 1) {
    return undefined;
  }
  const items = outline.stages.map((stage) => ({
    label: stage.name ?? vscode.l10n.t('Stage {0}', stage.index),
    description: vscode.l10n.t('line {0}', stage.line + 1),
    target: stage.name ?? String(stage.index),
  }));
  const last = items.at(-1);
  if (last) {
    last.description = vscode.l10n.t('line {0} · the final image', (outline.stages.at(-1)?.line ?? 0) + 1);
  }
  const ordered = [...items].sort((a, b) => Number(b.target === remembered) - Number(a.target === remembered));
  const picked = required(await vscode.window.showQuickPick(ordered, { title: vscode.l10n.t('Build Image (2/4): target stage'), placeHolder: vscode.l10n.t('The stage to build') }));
  return picked === last ? undefined : picked.target;
}

async function askBuildArgs(args: readonly BuildOutlineArg[], remembered: Readonly<Record<string, string>>): Promise<Record<string, string>> {
  if (args.length === 0) {
    return {};
  }
  const items = args.map((arg) => ({
    label: arg.name,
    description: remembered[arg.name] !== undefined ? `= ${remembered[arg.name]}` : arg.defaultValue !== undefined ? vscode.l10n.t('default: {0}', arg.defaultValue) : vscode.l10n.t('no default'),
    picked: remembered[arg.name] !== undefined,
    arg,
  }));
  const picked = required(
    await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Build Image (3/4): build arguments'), placeHolder: vscode.l10n.t('Pick the ARGs to set; the others keep their defaults'), canPickMany: true }),
  );
  const values: Record<string, string> = {};
  for (const item of picked) {
    values[item.arg.name] = required(
      await vscode.window.showInputBox({ title: vscode.l10n.t('Build argument {0}', item.arg.name), value: remembered[item.arg.name] ?? item.arg.defaultValue ?? '' }),
    );
  }
  return values;
}

async function askOptions(remembered: BuildChoices | undefined): Promise<{ platform: string | undefined; noCache: boolean }> {
  const noCacheItem = { label: vscode.l10n.t('Without the build cache'), platform: undefined as string | undefined, picked: remembered?.noCache ?? false };
  const platformItems = commonPlatforms.map((platform) => ({ label: platform, description: vscode.l10n.t('platform'), platform: platform, picked: platform === remembered?.platform }));
  const picked = required(
    await vscode.window.showQuickPick([noCacheItem, ...platformItems], {
      title: vscode.l10n.t('Build Image (4/4): options'),
      placeHolder: vscode.l10n.t("No platform picked: the engine's own; several: the first"),
      canPickMany: true,
    }),
  );
  return { platform: picked.find((item) => item.platform !== undefined)?.platform, noCache: picked.includes(noCacheItem) };
}
