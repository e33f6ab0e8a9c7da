/** Reads a built image's Entrypoint and Cmd from the engine and compares them with the model's prediction. */
import type { BuildOutlineResult } from '../../../server/src/protocol';
import type { Engine } from '../engine/engine';
import { compareCommand, imageRuns, type CommandComparison } from './commandCheck';

/** The prediction for the built stage: the target (by name or index), else the last stage. */
export function predictedRuns(outline: BuildOutlineResult, target: string | undefined): readonly string[] | null | 'unknown' {
  const lower = target?.toLowerCase();
  const stage = target === undefined ? outline.stages.at(-1) : outline.stages.find((s) => s.name?.toLowerCase() === lower || String(s.index) === target);
  return stage?.runs ?? 'unknown';
}

export async function checkImageCommand(engine: Engine, imageId: string, outline: BuildOutlineResult, target: string | undefined): Promise<CommandComparison> {
  const image = (await engine.inspect('image', imageId)) as { Config?: { Entrypoint?: string[] | null; Cmd?: string[] | null } | null };
  return compareCommand(predictedRuns(outline, target), imageRuns(image.Config ?? {}));
}
