import type { Dockerfile as DockerfileImpl } from 'dockerfile-ast/lib/dockerfile';
import type { ImageTemplate } from 'dockerfile-ast/lib/imageTemplate';
import { Util } from 'dockerfile-ast/lib/util';
import type { Position, Range } from 'vscode-languageserver-types';
import { isBefore } from '../util/ranges';

/**
 * What `Dockerfile.organizeComments` does (hand each comment to the initial ARGs or to the stage
 * whose range holds it), with a binary search over the stages instead of a scan of all of them per
 * comment, which is quadratic in a large file with many comments. The stage ranges only depend on
 * instructions, and when they are in order and disjoint, the stage that can hold a position is the last
 * one starting at or before it; otherwise every stage is tried, as dockerfile-ast does.
 */
export function organizeComments(dockerfile: DockerfileImpl): void {
  const comments = dockerfile.getComments();
  if (comments.length === 0) {
    return;
  }
  const internals = dockerfile as unknown as { initialInstructions: ImageTemplate; buildStages: ImageTemplate[] };
  const initialRange = internals.initialInstructions.getRange();
  const stages = internals.buildStages;
  const ranges = stages.map((stage) => stage.getRange());
  const ordered = ranges.every((range, index) => {
    const previous = ranges[index - 1];
    return range !== null && (index === 0 || (previous !== null && previous !== undefined && isBefore(previous.end, range.start)));
  });
  for (const comment of comments) {
    const { start, end } = comment.getRange();
    if (initialRange && Util.isInsideRange(end, initialRange)) {
      internals.initialInstructions.addComment(comment);
      continue;
    }
    if (ordered) {
      const index = lastIndexAtOrBefore(ranges as Range[], start);
      const range = ranges[index];
      if (range && Util.isInsideRange(start, range)) {
        stages[index]?.addComment(comment);
      }
      continue;
    }
    stages.forEach((stage, index) => {
      const range = ranges[index];
      if (range && Util.isInsideRange(start, range)) {
        stage.addComment(comment);
      }
    });
  }
}

/** Index of the last range starting at or before `position` (-1 if none); `ranges` in order. */
function lastIndexAtOrBefore(ranges: readonly Range[], position: Position): number {
  let low = 0;
  let high = ranges.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (isBefore(position, (ranges[middle] as Range).start)) {
      high = middle - 1;
    } else {
      found = middle;
      low = middle + 1;
    }
  }
  return found;
}
