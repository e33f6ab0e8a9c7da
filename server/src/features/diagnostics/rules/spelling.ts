/** Edit distance where a swap of two neighbouring letters counts as one edit (typos like LABLE). */
export function editDistance(a: string, b: string): number {
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i += 1) {
    rows.push([i]);
  }
  const at = (i: number, j: number): number => rows[i]?.[j] ?? Number.MAX_SAFE_INTEGER;
  for (let j = 1; j <= b.length; j += 1) {
    (rows[0] ?? []).push(j);
  }
  for (let i = 1; i <= a.length; i += 1) {
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, at(i - 2, j - 2) + 1);
      }
      rows[i]?.push(best);
    }
  }
  return at(a.length, b.length);
}

/** The candidate closest to `word` (case-insensitive) within a third of its length, if any. */
export function closestWord(word: string, candidates: readonly string[]): string | undefined {
  const upper = word.toUpperCase();
  const limit = Math.max(1, Math.floor(upper.length / 3));
  let best: { word: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const distance = editDistance(upper, candidate.toUpperCase());
    if (distance <= limit && (!best || distance < best.distance)) {
      best = { word: candidate, distance };
    }
  }
  return best?.word;
}
