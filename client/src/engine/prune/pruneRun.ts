/**
 * Pure: executes a confirmed prune plan one object at a time through an injected remover, so the
 * exact ids of the preview are removed and nothing else. Failures are collected, not thrown.
 */
import { EngineError, type EngineErrorKind } from '../errors';
import { sumSizes, type PruneItem } from './prunePlan';

export interface PruneFailure {
  readonly item: PruneItem;
  readonly kind: EngineErrorKind;
  readonly message: string;
}

export interface PruneSummary {
  readonly removed: readonly PruneItem[];
  readonly failed: readonly PruneFailure[];
  /** Items never attempted because the user cancelled. */
  readonly skipped: readonly PruneItem[];
  readonly reclaimedBytes: number;
}

export interface PruneRunOptions {
  readonly signal?: AbortSignal;
  /** Called before each removal with the 0-based index. */
  readonly onProgress?: (done: number, total: number, item: PruneItem) => void;
}

/** Removes each planned item in order; stops starting new removals once the signal is aborted. */
export async function runPrunePlan(items: readonly PruneItem[], remove: (item: PruneItem) => Promise<void>, options: PruneRunOptions = {}): Promise<PruneSummary> {
  const removed: PruneItem[] = [];
  const failed: PruneFailure[] = [];
  const skipped: PruneItem[] = [];
  for (const [index, item] of items.entries()) {
    if (options.signal?.aborted) {
      skipped.push(item);
      continue;
    }
    options.onProgress?.(index, items.length, item);
    try {
      await remove(item);
      removed.push(item);
    } catch (error) {
      if (error instanceof EngineError && error.kind === 'notFound') {
        // Gone already (someone else removed it): nothing left to reclaim, nothing to report as a failure.
        continue;
      }
      failed.push({
        item,
        kind: error instanceof EngineError ? error.kind : 'other',
        message: error instanceof Error ? error.message : String(error),
      });
    }
  }
  return { removed, failed, skipped, reclaimedBytes: sumSizes(removed) };
}
