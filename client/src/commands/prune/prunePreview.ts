/**
 * The prune preview and confirmation: a multi-select list of exactly what will be removed (all
 * ticked, sizes per object, total and engine in the title), then a modal confirmation naming the engine.
 */
import * as vscode from 'vscode';
import { sumSizes, type PruneItem, type PruneKind, type PrunePlan } from '../../engine/prune/prunePlan';
import { formatBytes } from '../../explorer/descriptors';

/** Localised names of the kinds, for separators and messages. */
export function kindTitle(kind: PruneKind): string {
  switch (kind) {
    case 'containers':
      return vscode.l10n.t('Stopped containers');
    case 'images':
      return vscode.l10n.t('Unused images');
    case 'volumes':
      return vscode.l10n.t('Unused volumes');
    case 'networks':
      return vscode.l10n.t('Unused networks');
    case 'buildCache':
      return vscode.l10n.t('Build cache');
  }
}

type PreviewPick = vscode.QuickPickItem & { readonly item?: PruneItem };

/** The short id shown under a row; none for a volume, whose id is its name (already the row's label). */
function shortId(item: PruneItem): string | undefined {
  return item.kind === 'volumes' ? undefined : item.id.replace(/^sha256:/, '').slice(0, 12);
}

/** Shows the preview; resolves to the items the user kept ticked, or undefined when dismissed. */
export function previewPlan(plan: PrunePlan, target: string): Promise<PruneItem[] | undefined> {
  const picks: PreviewPick[] = [];
  let currentKind: PruneKind | undefined;
  for (const item of plan.items) {
    if (item.kind !== currentKind) {
      currentKind = item.kind;
      picks.push({ label: kindTitle(item.kind), kind: vscode.QuickPickItemKind.Separator });
    }
    const detail = shortId(item);
    picks.push({ label: item.label, description: item.size > 0 ? formatBytes(item.size) : '', ...(detail ? { detail } : {}), picked: true, item });
  }
  const protectedCount = plan.excluded.filter((e) => e.reason === 'protected').length;
  const quickPick = vscode.window.createQuickPick<PreviewPick>();
  quickPick.canSelectMany = true;
  quickPick.ignoreFocusOut = true;
  quickPick.matchOnDetail = true;
  quickPick.items = picks;
  quickPick.selectedItems = picks.filter((p) => p.item !== undefined);
  const describe = (selected: readonly PreviewPick[]): void => {
    const items = selected.flatMap((p) => (p.item ? [p.item] : []));
    quickPick.title =
      items.length === 1
        ? vscode.l10n.t('Prune on {0}: 1 object, {1}', target, formatBytes(sumSizes(items)))
        : vscode.l10n.t('Prune on {0}: {1} objects, {2}', target, items.length, formatBytes(sumSizes(items)));
  };
  describe(quickPick.selectedItems);
  quickPick.placeholder =
    protectedCount === 0
      ? vscode.l10n.t('Untick what to keep, then press Enter.')
      : protectedCount === 1
        ? vscode.l10n.t('Untick what to keep, then press Enter. 1 protected object is kept and not listed.')
        : vscode.l10n.t('Untick what to keep, then press Enter. {0} protected objects are kept and not listed.', protectedCount);
  return new Promise((resolve) => {
    let accepted = false;
    quickPick.onDidChangeSelection(describe);
    quickPick.onDidAccept(() => {
      accepted = true;
      resolve(quickPick.selectedItems.flatMap((p) => (p.item ? [p.item] : [])));
      quickPick.hide();
    });
    quickPick.onDidHide(() => {
      if (!accepted) {
        resolve(undefined);
      }
      quickPick.dispose();
    });
    quickPick.show();
  });
}

/** The last word before anything is removed: a modal that names the engine and the total. */
export async function confirmRemoval(items: readonly PruneItem[], target: string): Promise<boolean> {
  const remove = vscode.l10n.t('Remove');
  const lines = items.slice(0, 15).map((item) => `• ${item.label}${item.size > 0 ? ` (${formatBytes(item.size)})` : ''}`);
  if (items.length > lines.length) {
    lines.push(vscode.l10n.t('… and {0} more', items.length - lines.length));
  }
  const question =
    items.length === 1
      ? vscode.l10n.t('Remove 1 object ({0}) from the Docker engine at {1}?', formatBytes(sumSizes(items)), target)
      : vscode.l10n.t('Remove {0} objects ({1}) from the Docker engine at {2}?', items.length, formatBytes(sumSizes(items)), target);
  const choice = await vscode.window.showWarningMessage(
    question,
    { modal: true, detail: `${lines.join('\n')}\n\n${vscode.l10n.t('This cannot be undone. Only the objects listed in the preview are removed.')}` },
    remove,
  );
  return choice === remove;
}
