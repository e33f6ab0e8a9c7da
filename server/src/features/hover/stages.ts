import type { Dockerfile, From } from 'dockerfile-ast';

/** One build stage: the lines from its FROM to the line before the next FROM. */
export interface BuildStage {
  readonly index: number;
  readonly name: string | null;
  readonly from: From;
  readonly startLine: number;
}

/** The build stages of a Dockerfile in order. */
export function listStages(dockerfile: Dockerfile): BuildStage[] {
  return dockerfile.getFROMs().map((from, index) => ({
    index,
    name: from.getBuildStage(),
    from,
    startLine: from.getRange().start.line,
  }));
}

/** The stage that holds `line`, or undefined before the first FROM (the global scope). */
export function stageAtLine(stages: readonly BuildStage[], line: number): BuildStage | undefined {
  let found: BuildStage | undefined;
  for (const stage of stages) {
    if (stage.startLine > line) {
      break;
    }
    found = stage;
  }
  return found;
}

/**
 * The stage a `--from=`/`FROM` reference on `line` names: by its `AS` name (case-insensitive, as
 * BuildKit compares them) or by its index, counting only stages that start before that line.
 */
export function findStageReference(stages: readonly BuildStage[], reference: string, line: number): BuildStage | undefined {
  const earlier = stages.filter((stage) => stage.startLine < line);
  if (/^\d+$/.test(reference)) {
    return earlier.find((stage) => stage.index === Number(reference));
  }
  const wanted = reference.toLowerCase();
  return earlier.find((stage) => stage.name?.toLowerCase() === wanted);
}

/**
 * A findStageReference equivalent for many lookups over the same stages: names are indexed once.
 * The first stage with a name is the earliest, so "named and earlier than the line" reduces to
 * checking that one stage's line.
 */
export function stageResolver(stages: readonly BuildStage[]): (reference: string, line: number) => BuildStage | undefined {
  const firstByName = new Map<string, BuildStage>();
  for (const stage of stages) {
    const key = stage.name?.toLowerCase();
    if (key !== undefined && !firstByName.has(key)) {
      firstByName.set(key, stage);
    }
  }
  return (reference, line) => {
    const stage = /^\d+$/.test(reference) ? stages[Number(reference)] : firstByName.get(reference.toLowerCase());
    return stage && stage.startLine < line ? stage : undefined;
  };
}
