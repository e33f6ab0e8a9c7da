/**
 * From a BuildKit step name back to the Dockerfile line. The Dockerfile frontend names its steps
 * `[<platform> <stage> N/M] INSTRUCTION …`: the stage part is there only in multi-stage files (the
 * `AS` name, or `stage-<index>` for an unnamed stage), and step N counts the stage's FROM of an image,
 * then its RUN, COPY, ADD and WORKDIR (see BuildOutlineStage.steps). Pure.
 */
import type { BuildOutlineResult, BuildOutlineStage, BuildOutlineStep } from '../../../server/src/protocol';

export interface StepName {
  /** The stage as BuildKit names it; undefined in a single-stage file. */
  readonly stage: string | undefined;
  readonly step: number;
  readonly total: number;
  /** The instruction keyword, uppercase (after an `ONBUILD ` prefix, if any). */
  readonly keyword: string;
}

const stepPattern = /^\[([^\]]*?)\s*(\d+)\/(\d+)\]\s+(?:ONBUILD\s+)?([A-Za-z]+)/;

/** Reads `[build 2/5] RUN make` → stage `build`, step 2 of 5, RUN; undefined for other vertexes (`[internal] …`). */
export function parseStepName(name: string): StepName | undefined {
  const match = stepPattern.exec(name);
  if (!match) {
    return undefined;
  }
  // Words before the numbers: an optional platform (has a slash) then the stage name (never has one).
  const words = (match[1] ?? '').split(/\s+/).filter((word) => word !== '' && !word.includes('/'));
  return { stage: words.at(-1), step: Number(match[2]), total: Number(match[3]), keyword: (match[4] ?? '').toUpperCase() };
}

function stageNamed(outline: BuildOutlineResult, name: string | undefined): BuildOutlineStage | undefined {
  if (name === undefined) {
    return outline.stages.length === 1 ? outline.stages[0] : undefined;
  }
  const lower = name.toLowerCase();
  const unnamed = /^stage-(\d+)$/.exec(lower);
  return outline.stages.find((stage) => stage.name?.toLowerCase() === lower) ?? (unnamed ? outline.stages.find((stage) => stage.index === Number(unnamed[1]) && stage.name === undefined) : undefined);
}

/** The instruction a step name stands for, when the outline agrees (same keyword at that position). */
export function stepFor(outline: BuildOutlineResult, vertexName: string): BuildOutlineStep | undefined {
  const parsed = parseStepName(vertexName);
  if (!parsed) {
    return undefined;
  }
  const step = stageNamed(outline, parsed.stage)?.steps[parsed.step - 1];
  return step && step.keyword === parsed.keyword ? step : undefined;
}

/** A line the engine names in its error text (`Dockerfile parse error line 7`, `Dockerfile:7`), zero-based. */
export function lineInMessage(message: string): number | undefined {
  const match = /(?:parse error (?:on )?line|dockerfile(?:\.\w+)?:)\s*(\d+)/i.exec(message);
  return match ? Number(match[1]) - 1 : undefined;
}
