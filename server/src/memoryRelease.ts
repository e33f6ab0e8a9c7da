/**
 * Gives memory back after a large document is closed.
 *
 * A 50,000-line Dockerfile keeps tens of MB of syntax tree and semantic model alive
 * while it is open. Closing it drops every reference (the store forgets the entry, the other caches
 * are weak), but V8 only collects when something allocates again: an idle server would hold the dead
 * trees, and the operating system the pages, until the next edit somewhere. So a closed large
 * document schedules one full collection shortly after (one for a burst of closes), which lets V8
 * return the emptied pages.
 *
 * Not while another large document is open: the collection would mostly walk that document's live
 * tree, and its edits keep the allocator (and so V8's own collections) busy anyway. Measured over
 * stdio, a collection forced while a 50,000-line file was open made its next change about 50–100 ms
 * slower to diagnose.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Documents with at least this many lines are worth a collection when closed. */
export const releaseLineThreshold = 5000;
/** Quiet time after the last such close before collecting (a burst of closes costs one collection). */
export const releaseDelayMs = 200;

let collect: (() => void) | null | undefined;
let pending: NodeJS.Timeout | undefined;
let releases = 0;

/** V8's full collection: the global `gc` when node runs with --expose-gc, otherwise exposed on demand. */
function collector(): (() => void) | null {
  if (collect !== undefined) {
    return collect;
  }
  const global = (globalThis as { gc?: () => void }).gc;
  if (typeof global === 'function') {
    return (collect = global);
  }
  try {
    // The flag only affects contexts created after it is set; a fresh context then hands out `gc`.
    setFlagsFromString('--expose-gc');
    const exposed: unknown = runInNewContext('gc');
    collect = typeof exposed === 'function' ? (exposed as () => void) : null;
  } catch {
    collect = null;
  }
  return collect;
}

/**
 * Called when a document with `lineCount` lines was closed; `openLineCounts` tells, when the time
 * comes, how long the documents still open are.
 */
export function documentClosed(lineCount: number, openLineCounts: () => Iterable<number>): void {
  if (lineCount < releaseLineThreshold) {
    return;
  }
  if (pending) {
    clearTimeout(pending);
  }
  pending = setTimeout(() => {
    pending = undefined;
    for (const open of openLineCounts()) {
      if (open >= releaseLineThreshold) {
        return;
      }
    }
    const run = collector();
    if (run) {
      releases += 1;
      run();
    }
  }, releaseDelayMs);
  // Never keeps the process (or a test run) alive on its own.
  pending.unref();
}

/** How many collections ran (for tests). */
export function memoryReleases(): number {
  return releases;
}
