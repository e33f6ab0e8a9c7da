/**
 * Compares what a built image really runs (its config's Entrypoint + Cmd, as `docker run` combines
 * them) with the language server's prediction for the built stage (the `runs:` hint). A difference
 * means our model is wrong or a base image is not what the model assumed. Pure.
 */

/** What `docker run IMAGE` executes: Entrypoint followed by Cmd; null when both are empty. */
export function imageRuns(config: { readonly Entrypoint?: readonly string[] | null; readonly Cmd?: readonly string[] | null }): readonly string[] | null {
  const argv = [...(config.Entrypoint ?? []), ...(config.Cmd ?? [])];
  return argv.length > 0 ? argv : null;
}

export type CommandComparison =
  | { readonly kind: 'match' }
  /** The model could not tell (a base image it knows nothing about): nothing to compare. */
  | { readonly kind: 'unpredicted' }
  | { readonly kind: 'mismatch'; readonly predicted: readonly string[] | null; readonly actual: readonly string[] | null };

/** Compares the prediction with the image's real command. */
export function compareCommand(predicted: readonly string[] | null | 'unknown', actual: readonly string[] | null): CommandComparison {
  if (predicted === 'unknown') {
    return { kind: 'unpredicted' };
  }
  const same = predicted === null || actual === null ? predicted === actual : predicted.length === actual.length && predicted.every((word, index) => word === actual[index]);
  return same ? { kind: 'match' } : { kind: 'mismatch', predicted, actual };
}
