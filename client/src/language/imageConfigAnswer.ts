/**
 * Pure: turns an image inspect result into the answer to the server's `berthwise/imageConfig`
 * request. Kept apart from the VS Code wiring so it is unit-tested in plain Node.
 */
import type { ImageConfigResult } from '../../../server/src/protocol';

const stringArray = (value: unknown): string[] | null =>
  Array.isArray(value) && value.every((item) => typeof item === 'string') ? value : null;

/** `GET /images/{name}/json` → the image's CMD, ENTRYPOINT, SHELL and ENV (null where unset). */
export function toImageConfigResult(inspect: unknown): ImageConfigResult {
  const config = typeof inspect === 'object' && inspect !== null ? (inspect as { Config?: unknown }).Config : undefined;
  const fields = typeof config === 'object' && config !== null ? (config as Record<string, unknown>) : {};
  return { cmd: stringArray(fields['Cmd']), entrypoint: stringArray(fields['Entrypoint']), shell: stringArray(fields['Shell']), env: stringArray(fields['Env']) };
}
