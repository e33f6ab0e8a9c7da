/**
 * The prune commands: read a snapshot → exact plan → preview → confirmation → remove exactly the
 * confirmed ids with progress and cancel → summary. Volumes are only included when asked for.
 */
import * as vscode from 'vscode';
import { commandIds } from '../../constants';
import { readPruneProtectionLabel } from '../../settings';
import { engineTitle, type Engine } from '../../engine/engine';
import type { VolumeChangeWatch } from '../../engine/prune/prune';
import { planPrune, type PruneKind, type PrunePlan } from '../../engine/prune/prunePlan';
import { runPrunePlan, type PruneSummary } from '../../engine/prune/pruneRun';
import { formatBytes } from '../../explorer/descriptors';
import { registerGuarded, required } from '../boundary';
import type { CommandDeps } from '../deps';
import { confirmRemoval, kindTitle, previewPlan } from './prunePreview';

/** Optional argument for programmatic use (tests, other commands); the tree passes none. */
export interface PruneRequest {
  readonly kinds?: readonly PruneKind[];
  readonly allImages?: boolean;
  /** Only objects carrying this label (`key=value` or `key`) are considered. */
  readonly scopeLabel?: string;
  /** Returns the plan without showing or removing anything. */
  readonly dryRun?: boolean;
}

const inventoryTimeoutMs = 120_000;

const isRequest = (value: unknown): value is PruneRequest => typeof value === 'object' && value !== null && !('contextValue' in value) && !('id' in value);

/** Registers the six prune commands. */
export function registerPruneCommands(deps: CommandDeps): vscode.Disposable[] {
  const fixed = (id: string, kinds: PruneKind[]): vscode.Disposable =>
    registerGuarded(deps, id, (arg) => prune(deps, isRequest(arg) ? { kinds, ...arg } : { kinds }));
  return [
    fixed(commandIds.pruneContainers, ['containers']),
    fixed(commandIds.pruneVolumes, ['volumes']),
    fixed(commandIds.pruneNetworks, ['networks']),
    fixed(commandIds.pruneBuildCache, ['buildCache']),
    registerGuarded(deps, commandIds.pruneImages, async (arg) => {
      const request = isRequest(arg) ? arg : {};
      const allImages = request.allImages ?? (await askImageScope());
      return prune(deps, { ...request, kinds: ['images'], allImages });
    }),
    registerGuarded(deps, commandIds.pruneSystem, async (arg) => {
      const request = isRequest(arg) ? arg : {};
      return prune(deps, request.kinds ? request : { ...request, ...(await askSystemKinds()) });
    }),
  ];
}

async function askImageScope(): Promise<boolean> {
  const dangling = { label: vscode.l10n.t('Dangling images only'), description: vscode.l10n.t('untagged images no container uses'), all: false };
  const all = { label: vscode.l10n.t('All unused images'), description: vscode.l10n.t('also tagged images no container uses'), all: true };
  return required(await vscode.window.showQuickPick([dangling, all], { placeHolder: vscode.l10n.t('Which images may be removed?') })).all;
}

async function askSystemKinds(): Promise<{ kinds: PruneKind[]; allImages: boolean }> {
  type KindPick = vscode.QuickPickItem & { pruneKind: PruneKind; allImages?: boolean };
  const picks: KindPick[] = [
    { label: kindTitle('containers'), pruneKind: 'containers', picked: true },
    { label: vscode.l10n.t('Dangling images'), pruneKind: 'images', picked: true },
    { label: vscode.l10n.t('All unused images (not only dangling)'), pruneKind: 'images', allImages: true },
    { label: kindTitle('networks'), pruneKind: 'networks', picked: true },
    { label: kindTitle('buildCache'), pruneKind: 'buildCache', picked: true },
    // Never ticked by default: volumes hold data that cannot be rebuilt.
    { label: kindTitle('volumes'), description: vscode.l10n.t('data in them is lost'), pruneKind: 'volumes', picked: false },
  ];
  const chosen = required(await vscode.window.showQuickPick(picks, { canPickMany: true, placeHolder: vscode.l10n.t('What should the system prune consider? Volumes only when ticked.') }));
  const kinds = [...new Set(chosen.map((c) => c.pruneKind))];
  return { kinds: required(kinds.length > 0 ? kinds : undefined), allImages: chosen.some((c) => c.allImages === true) };
}

async function prune(deps: CommandDeps, request: PruneRequest): Promise<PrunePlan | PruneSummary | undefined> {
  const engine = deps.engine();
  // Started before the preview is read: it is how a removal proves a volume is still the previewed one.
  const volumeWatch = request.kinds?.includes('volumes') ? await engine.watchVolumeChanges() : undefined;
  try {
    return await previewAndPrune(deps, engine, request, volumeWatch);
  } finally {
    volumeWatch?.close();
  }
}

async function previewAndPrune(deps: CommandDeps, engine: Engine, request: PruneRequest, volumeWatch: VolumeChangeWatch | undefined): Promise<PrunePlan | PruneSummary | undefined> {
  const protectionLabel = readPruneProtectionLabel();
  // Sizes come from `system df`, which can take a while on a big host: a longer deadline, and cancellable.
  const inventory = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Reading what can be pruned…'), cancellable: true },
    (_progress, token) => {
      const controller = new AbortController();
      token.onCancellationRequested(() => controller.abort());
      return engine.readPruneInventory({ signal: controller.signal, timeoutMs: inventoryTimeoutMs });
    },
  );
  const plan = planPrune(inventory, {
    kinds: request.kinds ?? [],
    allImages: request.allImages ?? false,
    protectionLabel,
    ...(request.scopeLabel !== undefined ? { scopeLabel: request.scopeLabel } : {}),
  });
  if (request.dryRun) {
    return plan;
  }
  if (plan.items.length === 0) {
    const protectedCount = plan.excluded.filter((e) => e.reason === 'protected').length;
    void vscode.window.showInformationMessage(
      vscode.l10n.t('Nothing to prune on {0}.', engineTitle(engine)) + (protectedCount === 0 ? '' : ` ${protectedCount === 1 ? vscode.l10n.t('1 protected object was kept.') : vscode.l10n.t('{0} protected objects were kept.', protectedCount)}`),
    );
    return plan;
  }
  const confirmed = required(await previewPlan(plan, engineTitle(engine)));
  if (confirmed.length === 0 || !(await confirmRemoval(confirmed, engineTitle(engine)))) {
    return undefined;
  }
  const summary = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Pruning on {0}', engineTitle(engine)), cancellable: true },
    (progress, token) => {
      const controller = new AbortController();
      token.onCancellationRequested(() => controller.abort());
      return runPrunePlan(confirmed, (item) => engine.removePruneItem(item, volumeWatch ? { volumeWatch } : {}), {
        signal: controller.signal,
        onProgress: (done, total, item) => progress.report({ message: `${done + 1}/${total} ${item.label}`, increment: 100 / total }),
      });
    },
  );
  deps.refresh();
  await reportSummary(deps, summary);
  return summary;
}

async function reportSummary(deps: CommandDeps, summary: PruneSummary): Promise<void> {
  const reclaimed = formatBytes(summary.reclaimedBytes);
  const headline = summary.removed.length === 1 ? vscode.l10n.t('Removed 1 object, reclaimed about {0}.', reclaimed) : vscode.l10n.t('Removed {0} objects, reclaimed about {1}.', summary.removed.length, reclaimed);
  for (const item of summary.removed) {
    deps.log.info(`prune: removed ${item.kind} ${item.label} (${item.id})`);
  }
  for (const failure of summary.failed) {
    deps.log.warn(`prune: kept ${failure.item.kind} ${failure.item.label} (${failure.item.id}): ${failure.message}`);
  }
  const notes: string[] = [];
  if (summary.failed.length > 0) {
    const first = summary.failed[0];
    notes.push(vscode.l10n.t('{0} could not be removed (e.g. {1}: {2}).', summary.failed.length, first?.item.label ?? '', first?.message ?? ''));
  }
  if (summary.skipped.length > 0) {
    notes.push(vscode.l10n.t('{0} were left because you cancelled.', summary.skipped.length));
  }
  if (notes.length === 0) {
    void vscode.window.showInformationMessage(headline);
    return;
  }
  const details = vscode.l10n.t('Show Details');
  if ((await vscode.window.showWarningMessage(`${headline} ${notes.join(' ')}`, details)) === details) {
    deps.log.show();
  }
}
