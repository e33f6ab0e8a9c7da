/** Pure: choosing an interactive shell by probing candidates in order. */

/** The shells tried, most capable first. */
export const shellCandidates: readonly string[] = ['bash', 'ash', 'sh'];

/**
 * Runs `<shell> -c 'exit 0'` for each candidate through `run` (which returns the exit code) and
 * returns the first that succeeds, or undefined when the image has none of them.
 */
export async function probeShell(run: (cmd: readonly string[]) => Promise<number | undefined>, candidates: readonly string[] = shellCandidates): Promise<string | undefined> {
  for (const shell of candidates) {
    if ((await run([shell, '-c', 'exit 0'])) === 0) {
      return shell;
    }
  }
  return undefined;
}
