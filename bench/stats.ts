/** Small statistics helpers for the benchmarks. */

/** The q-quantile (0..1) of the samples (NaN samples ignored), by nearest rank; NaN for none. */
export function quantile(samples: readonly number[], q: number): number {
  const sorted = samples.filter((sample) => !Number.isNaN(sample)).sort((a, b) => a - b);
  if (sorted.length === 0) {
    return Number.NaN;
  }
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

/** Formats milliseconds for a table cell. */
export function ms(value: number): string {
  return Number.isNaN(value) ? 'n/a' : value < 10 ? value.toFixed(2) : value.toFixed(0);
}

/** ours / peer, formatted as a ratio (lower is better for latencies). */
export function ratio(ours: number, peer: number): string {
  return Number.isNaN(ours) || Number.isNaN(peer) || peer === 0 ? 'n/a' : `${(ours / peer).toFixed(2)}×`;
}
