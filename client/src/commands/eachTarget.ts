/**
 * Running one action over several selected objects. Both ways continue after a failure and then
 * rethrow the first one, so the command boundary reports it while the others went through.
 * No `vscode` import: tested in plain Node.
 */

/** At most this many engine calls at once: a multi-selection of fifty must not open fifty connections. */
export const maxConcurrentTargets = 8;

/** One after the other, in selection order (removals whose order matters: an image before its parent). */
export async function forEachTarget<T>(targets: readonly T[], action: (target: T) => Promise<void>): Promise<void> {
  const failures: Error[] = [];
  for (const target of targets) {
    await run(action, target, failures);
  }
  throwFirst(failures);
}

/**
 * Several at once (container lifecycle: stopping five containers that ignore SIGTERM waits one grace
 * period, not five, as `docker stop a b c d e` does).
 */
export async function forEachTargetConcurrently<T>(targets: readonly T[], action: (target: T) => Promise<void>): Promise<void> {
  const failures: Error[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < targets.length) {
      const target = targets[next] as T;
      next += 1;
      await run(action, target, failures);
    }
  };
  await Promise.all(Array.from({ length: Math.min(maxConcurrentTargets, targets.length) }, worker));
  throwFirst(failures);
}

async function run<T>(action: (target: T) => Promise<void>, target: T, failures: Error[]): Promise<void> {
  try {
    await action(target);
  } catch (error) {
    failures.push(error instanceof Error ? error : new Error(String(error)));
  }
}

function throwFirst(failures: readonly Error[]): void {
  if (failures[0]) {
    throw failures[0];
  }
}
