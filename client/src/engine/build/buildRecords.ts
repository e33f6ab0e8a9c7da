/**
 * The JSON-lines records of `POST /build`, turned into our own events. Pure: tested with recorded
 * lines. BuildKit sends `moby.buildkit.trace` records (protobuf progress) and `moby.image.id`; the
 * classic builder sends `stream` text and `aux.ID`; both end a failed build with `error`.
 */
import { decodeBuildStatus, type BuildStatusUpdate } from './buildkitStatus';

export type BuildRecord =
  | { readonly kind: 'status'; readonly update: BuildStatusUpdate }
  /** Text from the classic builder (or the engine's closing "Successfully tagged" lines). */
  | { readonly kind: 'output'; readonly text: string }
  | { readonly kind: 'imageId'; readonly id: string }
  | { readonly kind: 'error'; readonly message: string }
  | { readonly kind: 'ignored' };

interface RawRecord {
  id?: unknown;
  aux?: unknown;
  stream?: unknown;
  status?: unknown;
  error?: unknown;
  errorDetail?: { message?: unknown } | null;
}

/** Reads one line of the build stream. A line that is not JSON is passed on as output, not dropped. */
export function parseBuildRecord(line: string): BuildRecord {
  let raw: RawRecord;
  try {
    raw = JSON.parse(line) as RawRecord;
  } catch {
    return { kind: 'output', text: `${line}\n` };
  }
  if (typeof raw !== 'object' || raw === null) {
    return { kind: 'ignored' };
  }
  if (typeof raw.error === 'string' || typeof raw.errorDetail?.message === 'string') {
    return { kind: 'error', message: String(raw.errorDetail?.message ?? raw.error) };
  }
  if (raw.id === 'moby.buildkit.trace' && typeof raw.aux === 'string') {
    return { kind: 'status', update: decodeBuildStatus(raw.aux) };
  }
  const auxId = typeof raw.aux === 'object' && raw.aux !== null ? (raw.aux as { ID?: unknown }).ID : undefined;
  if (typeof auxId === 'string') {
    return { kind: 'imageId', id: auxId };
  }
  if (typeof raw.stream === 'string') {
    return { kind: 'output', text: raw.stream };
  }
  if (typeof raw.status === 'string') {
    return { kind: 'output', text: `${raw.status}\n` };
  }
  return { kind: 'ignored' };
}

/**
 * Whether the engine's refusal means "no BuildKit here" (then the classic builder is tried):
 * a daemon without BuildKit rejects `version=2` before any progress arrives.
 */
export function meansBuildKitUnavailable(message: string): boolean {
  return /buildkit|builder version|version.*not supported|unsupported.*version/i.test(message);
}
