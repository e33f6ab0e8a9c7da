/**
 * Which objects a command acts on: the clicked tree item, the whole multi-selection when the
 * clicked item is part of it, or, from the command palette, what the user picks.
 */
import * as vscode from 'vscode';
import { engineTitle, type Engine } from '../engine/engine';
import { containerContextValue } from '../explorer/containersDescriptor';
import type { ResourceKind } from '../explorer/descriptors';
import { required, UserCancelled } from './boundary';

/** The part of a tree item model a command needs (the explorer passes TreeItemModel). */
export interface TargetItem {
  readonly id: string;
  readonly label: string;
  readonly contextValue?: string;
}

export interface PickOptions {
  readonly canPickMany: boolean;
  readonly placeHolder: string;
  /** Keeps only candidates whose contextValue matches, e.g. `/^container\.running(\.|$)/`. */
  readonly state?: RegExp;
}

const isTarget = (value: unknown): value is TargetItem =>
  typeof value === 'object' && value !== null && typeof (value as TargetItem).id === 'string' && typeof (value as TargetItem).label === 'string';

/** The tree's (item, selectedItems) arguments → the objects to act on; undefined when not from the tree. */
export function fromTree(item: unknown, selected: unknown): TargetItem[] | undefined {
  if (!isTarget(item)) {
    return undefined;
  }
  const selection = Array.isArray(selected) ? selected.filter(isTarget) : [];
  return selection.some((s) => s.id === item.id) ? selection : [item];
}

/** Lists one kind as pick candidates in the tree's own terms (id, label, `<kind>.<state>`). */
export async function listCandidates(engine: Engine, kind: ResourceKind): Promise<TargetItem[]> {
  switch (kind) {
    case 'container':
      return (await engine.listContainers()).map((c) => ({ id: c.id, label: c.name, contextValue: containerContextValue(c) }));
    case 'image':
      return (await engine.listImages()).map((i) => ({
        id: i.id,
        label: i.repoTags.length > 0 ? i.repoTags.join(', ') : `<none> ${i.id.replace(/^sha256:/, '').slice(0, 12)}`,
        contextValue: i.repoTags.length > 0 ? 'image.tagged' : 'image.dangling',
      }));
    case 'volume':
      return (await engine.listVolumes()).map((v) => ({ id: v.name, label: v.name, contextValue: 'volume.present' }));
    case 'network':
      return (await engine.listNetworks()).map((n) => ({ id: n.id, label: n.name, contextValue: `network.${['bridge', 'host', 'none'].includes(n.name) ? 'builtin' : 'custom'}` }));
  }
}

/** The objects to act on: from the tree when invoked there, otherwise picked from a list. */
export async function resolveTargets(engine: Engine, kind: ResourceKind, item: unknown, selected: unknown, options: PickOptions): Promise<TargetItem[]> {
  const fromView = fromTree(item, selected);
  if (fromView) {
    return fromView;
  }
  const candidates = (await listCandidates(engine, kind)).filter((c) => !options.state || options.state.test(c.contextValue ?? ''));
  if (candidates.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Nothing to choose from on {0}.', engineTitle(engine)));
    throw new UserCancelled();
  }
  const picks = candidates.map((c) => ({ label: c.label, description: c.contextValue?.split('.')[1] ?? '', detail: c.id.replace(/^sha256:/, '').slice(0, 12), target: c }));
  if (options.canPickMany) {
    const chosen = required(await vscode.window.showQuickPick(picks, { canPickMany: true, placeHolder: options.placeHolder }));
    return required(chosen.length > 0 ? chosen.map((c) => c.target) : undefined);
  }
  return [required(await vscode.window.showQuickPick(picks, { placeHolder: options.placeHolder })).target];
}
