import type { SeverityLevel } from './rule';

/** Per-code severity overrides, as the client sends them (`berthwise.diagnostics` / initializationOptions.diagnostics). */
export type SeverityOverrides = Readonly<Record<string, SeverityLevel>>;

const levels: readonly SeverityLevel[] = ['ignore', 'info', 'warning', 'error'];

/**
 * Reads an overrides map from untrusted settings: unknown values are dropped one by one, so a partial
 * or partly wrong map never switches the other rules off.
 */
export function readSeverityOverrides(raw: unknown): SeverityOverrides {
  const overrides: Record<string, SeverityLevel> = {};
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return overrides;
  }
  for (const [code, value] of Object.entries(raw as Record<string, unknown>)) {
    const level = typeof value === 'string' ? value.toLowerCase() : undefined;
    const known = levels.find((candidate) => candidate === level || (level === 'information' && candidate === 'info'));
    if (known) {
      overrides[code] = known;
    }
  }
  return overrides;
}

/** Finds the diagnostics map in `initializationOptions` or a `workspace/didChangeConfiguration` payload. */
export function extractDiagnosticsSettings(payload: unknown): unknown {
  if (typeof payload !== 'object' || payload === null) {
    return undefined;
  }
  const record = payload as Record<string, unknown>;
  if ('diagnostics' in record) {
    return record['diagnostics'];
  }
  const nested = record['berthwise'];
  return typeof nested === 'object' && nested !== null ? (nested as Record<string, unknown>)['diagnostics'] : undefined;
}
