/** Pure: reading the logs settings (no `vscode`). */

const units: Readonly<Record<string, number>> = { s: 1, m: 60, h: 3600, d: 86400 };

/**
 * `since` as the user writes it → Unix seconds: '' → 0 (no limit), '10m' / '2h' / '1d' → relative
 * to `nowSeconds`, an ISO date → that instant. Undefined when unreadable.
 */
export function parseSince(text: string, nowSeconds: number): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '') {
    return 0;
  }
  const relative = /^(\d+)\s*([smhd])$/.exec(trimmed);
  if (relative) {
    return nowSeconds - Number(relative[1]) * (units[relative[2] ?? 's'] ?? 1);
  }
  const millis = Date.parse(trimmed);
  return Number.isNaN(millis) ? undefined : Math.floor(millis / 1000);
}

/** The tail setting → the engine's `tail` value (negative or non-numbers mean everything). */
export function normaliseTail(value: unknown): number | 'all' {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? Math.floor(value) : 'all';
}
