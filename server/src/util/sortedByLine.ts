/** Binary searches over lists sorted by start line (instructions, stages, occurrences, here-documents). */

/** The last item whose start line is at or before `line`, in a list sorted by start line. */
export function lastStartingAtOrBefore<T>(items: readonly T[], line: number, startOf: (item: T) => number): T | undefined {
  const index = lastIndexStartingAtOrBefore(items, line, startOf);
  return index < 0 ? undefined : items[index];
}

/** The index of the last item whose start line is at or before `line` (-1 if none), by binary search. */
export function lastIndexStartingAtOrBefore<T>(items: readonly T[], line: number, startOf: (item: T) => number): number {
  let low = 0;
  let high = items.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (startOf(items[middle] as T) <= line) {
      found = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found;
}
