/** Pure: reading the `berthwise.engine.timeoutMs` setting, whatever the user wrote into settings.json. */

const defaultTimeoutMs = 10_000;
const minimumTimeoutMs = 500;

/** The per-call deadline: the default for a missing or non-numeric value, never below 500 ms. */
export function normaliseTimeoutMs(value: unknown): number {
  // A string or NaN would reach setTimeout as NaN, which fires at once: every call would "time out".
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    return defaultTimeoutMs;
  }
  return Math.max(minimumTimeoutMs, Math.floor(value));
}
